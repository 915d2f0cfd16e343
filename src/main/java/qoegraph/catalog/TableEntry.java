package qoegraph.catalog;

import java.time.OffsetDateTime;

/** One ingested table: its rows now, and the sum of what its files' ingests reported. */
public record TableEntry(String name, long rows, int files, long linesRead, long loaded, long rejected,
                         long incomplete, OffsetDateTime lastIngestedAt) {
}
