package qoegraph.catalog;

import java.time.OffsetDateTime;

/** One ingested file, as its ingest reported it. */
public record FileEntry(int fileId, String path, String sha256, String table, long linesRead, long loaded,
                        long rejected, long incomplete, OffsetDateTime ingestedAt, long millis) {
}
