package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTickerTest {

    @TempDir
    Path dir;

    @Test
    void reportsDuckDbsProgressWhileAStatementRuns() throws Exception {
        Path csv = SessionsFiles.write(dir.resolve("big.csv"), 600_000);
        List<String> lines = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement setup = connection.createStatement()) {
            setup.execute("SET enable_progress_bar = true");
            setup.execute("SET enable_progress_bar_print = false");
            try (DuckDBPreparedStatement read = connection.prepareStatement("CREATE TABLE t AS SELECT * FROM "
                    + CsvSql.readCsv(TestDb.SOURCES.table("sessions").orElseThrow(), csv, false))
                    .unwrap(DuckDBPreparedStatement.class);
                 ProgressTicker.Watch watch = new ProgressTicker(timer, lines::add, 10).watch(read, "big.csv")) {
                read.execute();
            }
        } finally {
            timer.shutdownNow();
        }

        assertFalse(lines.isEmpty());
        assertTrue(lines.get(0).matches("  big\\.csv: \\d+% after \\d+\\.\\d\\d s"), lines.get(0));
    }
}
