package qoegraph.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a benchmark run goes.
 *
 * @param scale         sessions x scale (0.53 M rows per unit)
 * @param studyScale    study-log volume (1 = the published study); 0.1 x scale by default
 * @param dataDir       where the generated files and databases go (reused when the same scale is there)
 * @param out           the Markdown file whose section for this scale is written (the rest is kept)
 * @param warmups       untimed queries before the timed ones
 * @param runs          timed runs per query (fewer when a query's time budget runs out first)
 * @param ingestWarmups untimed ingest runs
 * @param ingestRuns    timed ingest runs
 * @param loadTime      how long each requests-per-second level runs
 * @param command       the command line that reproduces the run, for the report
 * @param ingestOnly    only the ingest against read_csv, printed and not written to {@code out} (a partial section
 *                      would replace the whole one)
 */
public record BenchOptions(int scale, double studyScale, Path dataDir, Path out, int warmups, int runs,
                           int ingestWarmups, int ingestRuns, Duration loadTime, String command, boolean ingestOnly) {
    /** A query stops being repeated after this long (at least {@link #MIN_RUNS} runs). */
    static final Duration QUERY_BUDGET = Duration.ofSeconds(20);
    static final int MIN_RUNS = 3;
    static final int[] CLIENTS = {1, 8, 32};

    public BenchOptions {
        if (scale < 1 || studyScale <= 0 || runs < 1 || ingestRuns < 1 || warmups < 0 || ingestWarmups < 0) {
            throw new IllegalArgumentException("scale >= 1, study scale > 0, runs >= 1 and warm-ups >= 0 please");
        }
    }
}
