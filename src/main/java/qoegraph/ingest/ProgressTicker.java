package qoegraph.ingest;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Reports how far DuckDB is through a long statement, every few seconds. DuckDB's own progress bar prints
 * nowhere under JDBC, but it still tracks progress (with enable_progress_bar on) for getQueryProgress.
 */
final class ProgressTicker {

    private final ScheduledExecutorService timer;
    private final Consumer<String> progress;
    private final long periodMillis;

    ProgressTicker(ScheduledExecutorService timer, Consumer<String> progress, long periodMillis) {
        this.timer = timer;
        this.progress = progress;
        this.periodMillis = periodMillis;
    }

    /** A running report; closing it stops the reports. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts reporting on {@code statement}. */
    Watch watch(DuckDBPreparedStatement statement, String label) {
        long started = System.nanoTime();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> report(statement, label, started),
                periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    private void report(DuckDBPreparedStatement statement, String label, long started) {
        try {
            QueryProgress now = statement.getQueryProgress();
            if (now.getPercentage() >= 0) {
                progress.accept(String.format(Locale.ROOT, "  %s: %.0f%% after %s", label, now.getPercentage(),
                        Progress.seconds(System.nanoTime() - started)));
            }
        } catch (SQLException | RuntimeException e) {
            // the statement just ended: nothing to report
        }
    }
}
