package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.generate.SessionsGenerator;

/**
 * Ingest speed against a plain {@code CREATE TABLE AS SELECT * FROM read_csv(file)} into a file database, on
 * the generated sessions file (534,954 rows at scale 1). Timing on a shared machine is noisy, so this runs
 * only on request: {@code ./mvnw test -Dtest=IngestSpeedTest -Dqoegraph.bench=true [-Dqoegraph.bench.scale=1]
 * [-Dqoegraph.bench.gzip=true]}; it prints the medians and the ratio rather than asserting a bound.
 */
@EnabledIfSystemProperty(named = "qoegraph.bench", matches = "true")
class IngestSpeedTest {

    private static final int RUNS = Integer.getInteger("qoegraph.bench.runs", 7);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dir;

    @Test
    void ingestAgainstPlainReadCsv() throws Exception {
        int scale = Integer.getInteger("qoegraph.bench.scale", 1);
        boolean gzip = Boolean.getBoolean("qoegraph.bench.gzip");
        Path csv = dir.resolve("sessions.csv");
        long rows = SessionsGenerator.write(csv, SessionsGenerator.DEFAULT_SEED, scale);
        if (gzip) {
            csv = gzip(csv);
        }
        List<Long> plain = new ArrayList<>();
        List<Long> ingest = new ArrayList<>();
        List<Long> plainCpu = new ArrayList<>();
        List<Long> ingestCpu = new ArrayList<>();
        long[] cold = ingest(csv, rows, 0);
        plain(csv, rows, 0);
        for (int run = 1; run <= RUNS; run++) {
            long[] timing = plain(csv, rows, run);
            plain.add(timing[0]);
            plainCpu.add(timing[1]);
            timing = ingest(csv, rows, run);
            ingest.add(timing[0]);
            ingestCpu.add(timing[1]);
        }
        System.out.printf(Locale.ROOT, "ingest speed, %s (%,d rows, %.1f MB), load average %.1f:%n"
                        + "  wall ms: plain read_csv %s, ingest %s (first, cold JVM: %d); medians %d / %d:"
                        + " ingest at %.0f%% of plain speed%n"
                        + "  process CPU ms (all threads, less sensitive to other load): plain %s, ingest %s (cold %d);"
                        + " medians %d / %d: ingest at %.0f%%%n",
                csv.getFileName(), rows, Files.size(csv) / 1e6, OS.getSystemLoadAverage(), millis(plain),
                millis(ingest), cold[0] / 1_000_000, median(plain) / 1_000_000, median(ingest) / 1_000_000,
                100.0 * median(plain) / median(ingest), millis(plainCpu), millis(ingestCpu), cold[1] / 1_000_000,
                median(plainCpu) / 1_000_000, median(ingestCpu) / 1_000_000,
                100.0 * median(plainCpu) / median(ingestCpu));
    }

    /** Wall and process CPU nanoseconds of the statement alone (opening and closing the database excluded). */
    private long[] plain(Path csv, long rows, int run) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain" + run + ".duckdb"));
             Statement statement = connection.createStatement()) {
            long cpu = OS.getProcessCpuTime();
            long started = System.nanoTime();
            statement.execute("CREATE TABLE sessions AS SELECT * FROM read_csv(" + Sql.literal(csv.toString()) + ")");
            long[] took = {System.nanoTime() - started, OS.getProcessCpuTime() - cpu};
            try (var count = statement.executeQuery("SELECT count(*) FROM sessions")) {
                count.next();
                assertEquals(rows, count.getLong(1));
            }
            return took;
        }
    }

    private long[] ingest(Path csv, long rows, int run) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("ingest" + run + ".duckdb"))) {
            Ingester ingester = new Ingester(connection, TestDb.SOURCES, line -> { });
            ingester.ensureSchema();
            long cpu = OS.getProcessCpuTime();
            long started = System.nanoTime();
            IngestReport report = ingester.ingest(csv);
            long[] took = {System.nanoTime() - started, OS.getProcessCpuTime() - cpu};
            assertEquals(rows, report.loaded());
            return took;
        }
    }

    private Path gzip(Path csv) throws IOException {
        Path gz = dir.resolve("sessions.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            Files.copy(csv, out);
        }
        return gz;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String millis(List<Long> nanos) {
        return nanos.stream().map(n -> Long.toString(n / 1_000_000)).toList().toString();
    }
}
