package qoegraph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.engine.trino.Trino;
import qoegraph.ingest.LakeWriter;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;
import qoegraph.sql.SqlRunner;
import qoegraph.testsupport.TrinoTarget;

/**
 * The repository's reports on Trino, over {@link ReportFixture}'s rows (whose answers on DuckDB {@code ReportsTest}
 * checks against hand counts): each report written for Trino too, or with a Trino variant, gives DuckDB's rows (integers and text exactly,
 * doubles to 1e-9 relative), and each without one is listed unavailable with the reason. Runs with a Trino given
 * ({@link TrinoTarget}).
 */
@EnabledIf("qoegraph.testsupport.TrinoTarget#given")
class TrinoReportsTest {
    private static final Path REPORTS = Path.of("queries/reports");

    @Test
    void reportsWithATrinoVariantAnswerAsOnDuckDbAndTheOthersSayWhy() throws Exception {
        String schema = "reports_" + Long.toHexString(System.nanoTime());
        Path lake = Path.of(TrinoTarget.LAKE).resolve(schema);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Trino trino = new Trino(new Trino.Settings(TrinoTarget.URL, "reports-test", "lake", schema, lake,
                     "local:///" + schema), 1);
             Connection onTrino = trino.connections().open()) {
            ReportFixture.load(duckdb);
            copyToTrino(duckdb, trino, onTrino, lake);
            Reports onDuckDb = Reports.load(REPORTS).check(duckdb, new DuckDbDialect());
            Reports trinoReports = Reports.load(REPORTS, "trino").check(onTrino, trino.dialect());
            SqlRunner runner = new SqlRunner(Duration.ofSeconds(120));
            List<String> compared = new ArrayList<>();
            for (Report report : trinoReports.all()) {
                var unavailable = trinoReports.unavailable(report.name());
                if (unavailable.isPresent()) {
                    assertTrue(unavailable.get().contains("queries/reports/trino/" + report.file().getFileName()),
                            unavailable.get());
                    continue;
                }
                Report duck = onDuckDb.all().stream().filter(r -> r.name().equals(report.name())).findFirst().orElseThrow();
                var expected = runner.run(duckdb, duck.bind(Map.of(), 1000)).rows();
                var actual = runner.run(onTrino, report.bind(Map.of(), 1000)).rows();
                assertTrue(!expected.isEmpty(), report.name() + " answers rows on the fixture");
                assertSame(report.name(), expected, actual);
                compared.add(report.name());
            }
            System.out.println("reports on Trino: " + compared + " as on DuckDB; unavailable: "
                    + trinoReports.all().stream().map(Report::name).filter(n -> !compared.contains(n)).toList());
            assertEquals(List.of("userRanking", "hourProfile", "httpVsHttps", "uniqueDestinations",
                    "streamHealth"), compared,
                    "compared " + compared);
        }
    }

    private static void assertSame(String report, List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        assertEquals(expected.size(), actual.size(), report + ": rows");
        for (int i = 0; i < expected.size(); i++) {
            for (String key : expected.get(i).keySet()) {
                Object e = expected.get(i).get(key);
                Object a = actual.get(i).get(key);
                boolean same = e instanceof Double x && a instanceof Double y
                        ? Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) : Objects.equals(e, a);
                if (!same) {
                    fail(report + " row " + i + " " + key + ": DuckDB " + e + ", Trino " + a);
                }
            }
        }
    }

    /** Every declared table's rows, as one lake file each, under a Hive table of the schema. */
    private static void copyToTrino(Connection duckdb, Trino trino, Connection onTrino, Path lake) throws Exception {
        try (Statement d = duckdb.createStatement(); Statement t = onTrino.createStatement()) {
            t.execute("CREATE SCHEMA IF NOT EXISTS " + trino.settings().schema());
            for (SourceTable table : SourceTables.load(Path.of("queries/model/sources.yml")).all()) {
                Path folder = Files.createDirectories(lake.resolve(table.name()));
                d.execute("COPY (SELECT * FROM " + table.name() + ") TO '" + folder.resolve("file-0.parquet")
                        + "' (FORMAT parquet)");
                t.execute(trino.createTable(table.name(), LakeWriter.columns(duckdb, table.name())));
            }
        }
    }
}
