package qoegraph.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What happened to one file. For an ingested file {@code linesRead = loaded + rejected} always holds;
 * {@code incomplete} counts loaded rows with a missing value: a NULL in a column not declared
 * {@code nullable} in sources.yml, or a cut-off last line padded with NULL. A skipped duplicate reports
 * zero counts: nothing was read or loaded this time.
 */
public record IngestResult(Path file, String table, IngestStatus status, long linesRead, long loaded, long rejected,
                           long incomplete, Duration took) {

    public boolean ingested() {
        return status == IngestStatus.INGESTED;
    }
}
