package qoegraph.bench;

import qoegraph.ingest.IngestSummary;
import qoegraph.ingest.Ingester;
import qoegraph.model.SourceTables;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Ingest speed against the floor: the same files read by DuckDB's own {@code read_csv} (types sniffed) into plain
 * tables, in the same process, each run on fresh database files. Opening and closing the databases is not timed.
 * The last ingested database is kept: the benchmark's server runs on it.
 */
final class IngestBench {
    private final SourceTables tables;
    private final Path work;
    private final Consumer<String> progress;

    IngestBench(SourceTables tables, Path work, Consumer<String> progress) {
        this.tables = tables;
        this.work = work;
        this.progress = progress;
    }

    /** One source's figures: rows loaded and the run times of the ingest and of the floor. */
    record Figures(String source, long rows, Latencies ingest, Latencies floor) {
        double ingestRowsPerSecond() {
            return rows / (ingest.p50() / 1e3);
        }

        double floorRowsPerSecond() {
            return rows / (floor.p50() / 1e3);
        }

        /** Ingest speed as a share of the floor's (1 = as fast as read_csv). */
        double ratio() {
            return floor.p50() / ingest.p50();
        }
    }

    /**
     * @param warmups untimed runs first (the JIT, the OS file cache)
     * @param keep    where the last run's ingested database goes
     */
    List<Figures> run(Path sessionsCsv, Path studyDir, int warmups, int runs, Path keep) throws Exception {
        List<Long> sessionsIngest = new ArrayList<>();
        List<Long> studyIngest = new ArrayList<>();
        List<Long> sessionsFloor = new ArrayList<>();
        List<Long> studyFloor = new ArrayList<>();
        long[] rows = new long[2];
        List<Path> studyFiles = studyFiles(studyDir);
        for (int run = 0; run < warmups + runs; run++) {
            boolean timed = run >= warmups;
            Path db = work.resolve("ingest-" + run + ".duckdb");
            try (Connection root = open(db)) {
                Ingester ingester = new Ingester(root, tables, line -> { });
                ingester.ensureSchema();
                long t0 = System.nanoTime();
                IngestSummary sessions = ingester.ingest(sessionsCsv);
                long t1 = System.nanoTime();
                IngestSummary study = ingester.ingest(studyDir);
                long t2 = System.nanoTime();
                rows[0] = sessions.loaded();
                rows[1] = study.loaded();
                if (timed) {
                    sessionsIngest.add(t1 - t0);
                    studyIngest.add(t2 - t1);
                }
            }
            long[] floor = floor(sessionsCsv, studyFiles, work.resolve("floor-" + run + ".duckdb"));
            if (timed) {
                sessionsFloor.add(floor[0]);
                studyFloor.add(floor[1]);
            }
            progress.accept(String.format("ingest run %d/%d%s: sessions %.1f s (read_csv %.1f s), study logs %.1f s"
                            + " (read_csv %.1f s), load %.1f", run + 1, warmups + runs, timed ? "" : " (warm-up)",
                    sessionsIngest.isEmpty() ? Double.NaN : sessionsIngest.get(sessionsIngest.size() - 1) / 1e9,
                    floor[0] / 1e9, studyIngest.isEmpty() ? Double.NaN : studyIngest.get(studyIngest.size() - 1) / 1e9,
                    floor[1] / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            if (run == warmups + runs - 1) {
                Files.move(db, keep, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(db);
            }
        }
        return List.of(new Figures("sessions CSV", rows[0], Latencies.of(sessionsIngest), Latencies.of(sessionsFloor)),
                new Figures("study logs (" + studyFiles.size() + " files)", rows[1], Latencies.of(studyIngest),
                        Latencies.of(studyFloor)));
    }

    /** Nanoseconds of read_csv into plain tables: the sessions file, then every study file. */
    private static long[] floor(Path sessionsCsv, List<Path> studyFiles, Path db) throws SQLException, IOException {
        long[] took = new long[2];
        try (Connection connection = open(db); Statement statement = connection.createStatement()) {
            long t0 = System.nanoTime();
            statement.execute("CREATE TABLE sessions AS SELECT * FROM read_csv(" + literal(sessionsCsv) + ")");
            long t1 = System.nanoTime();
            for (int i = 0; i < studyFiles.size(); i++) {
                statement.execute("CREATE TABLE study_" + i + " AS SELECT * FROM read_csv(" + literal(studyFiles.get(i)) + ")");
            }
            took[0] = t1 - t0;
            took[1] = System.nanoTime() - t1;
        }
        Files.deleteIfExists(db);
        return took;
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
    }

    private static List<Path> studyFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.csv(\\.gz)?")).sorted().toList();
        }
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
