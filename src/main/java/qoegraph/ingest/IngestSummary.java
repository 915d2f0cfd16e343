package qoegraph.ingest;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/** The outcome of one {@link Ingester#ingest} call: one result per file, in ingest order. */
public record IngestSummary(List<IngestResult> files, Duration took) {

    public IngestSummary {
        files = List.copyOf(files);
    }

    public long linesRead() {
        return sum(IngestResult::linesRead);
    }

    public long loaded() {
        return sum(IngestResult::loaded);
    }

    public long rejected() {
        return sum(IngestResult::rejected);
    }

    public long incomplete() {
        return sum(IngestResult::incomplete);
    }

    public long skipped() {
        return files.stream().filter(f -> !f.ingested()).count();
    }

    private long sum(ToLongFunction<IngestResult> count) {
        return files.stream().mapToLong(count).sum();
    }
}
