package qoegraph.graphql;

import qoegraph.wiring.SdlFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.ingest.Ingester;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;

/**
 * p2p and cdn are DECIMAL(18,6): byte sums are exact (graphql-java's Float keeps their every digit: ApiScalars.FLOAT)
 * and every metric is the same on every run, although
 * DuckDB aggregates in parallel in no fixed order (a DOUBLE sum changed its last digits from run to run).
 * The file has three row groups' worth of rows so that DuckDB really splits the work.
 */
class ExactSessionSumsTest {
    private static final String[] ISPS = {"Fro", "Arange", "BTP", "Datch Telecam", "Olga"};
    private static final int ROWS = 300_000;
    private static final String QUERY = "{ sessions(orderBy: [{isp: ASC}]) { isp count p2pBytes cdnBytes totalBytes"
            + " p2pShare meanP2pFraction avgTotalBytes } }";

    @TempDir
    static Path dir;
    private static DuckDBConnection db;
    private static GraphQL graphQL;
    /** isp -> exact {p2p sum, cdn sum}, computed in plain Java from the file's text. */
    private static final Map<String, BigDecimal[]> EXACT = new TreeMap<>();

    @BeforeAll
    static void ingest() throws Exception {
        Path file = dir.resolve("sessions.csv");
        writeSessions(file);
        db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("db.duckdb"));
        Ingester ingester = new Ingester(db, SourceTables.load(SdlFile.MODEL_DIR.resolve("sources.yml")), line -> { });
        ingester.ensureSchema();
        assertEquals(ROWS, ingester.ingest(file).loaded());
        graphQL = GraphQLApi.over(ModelLoader.load(SdlFile.MODEL_DIR), DuckDb.of(db).engine(8)).build();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    // Byte counts with exactly six decimals, up to 10^11, as in the real file.
    private static void writeSessions(Path file) throws Exception {
        SplittableRandom random = new SplittableRandom(20160101L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("#stream,isp,browser,connected,p2p,cdn\n");
            for (int i = 0; i < ROWS; i++) {
                String isp = ISPS[random.nextInt(ISPS.length)];
                BigDecimal p2p = random.nextInt(3) == 0 ? BigDecimal.ZERO.setScale(6)
                        : BigDecimal.valueOf(random.nextLong(100_000_000_000_000_000L), 6);
                BigDecimal cdn = BigDecimal.valueOf(random.nextLong(100_000_000_000_000_000L), 6);
                out.write((1 + i * 9 / ROWS) + "," + isp + ",Iron,true," + p2p.toPlainString() + ","
                        + cdn.toPlainString() + "\n");
                BigDecimal[] sums = EXACT.computeIfAbsent(isp, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(p2p);
                sums[1] = sums[1].add(cdn);
            }
        }
    }

    @Test
    void theStoredSumsAreTheExactSumsOfTheFile() throws Exception {
        try (Statement statement = db.duplicate().createStatement();
             ResultSet rows = statement.executeQuery("SELECT isp, sum(p2p), sum(cdn) FROM sessions GROUP BY isp")) {
            int groups = 0;
            while (rows.next()) {
                BigDecimal[] exact = EXACT.get(rows.getString(1));
                assertEquals(0, exact[0].compareTo(rows.getBigDecimal(2)), rows.getString(1) + " p2p");
                assertEquals(0, exact[1].compareTo(rows.getBigDecimal(3)), rows.getString(1) + " cdn");
                groups++;
            }
            assertEquals(ISPS.length, groups);
        }
    }

    @Test
    void byteSumsReachGraphQLAsTheExactSums() {
        for (Map<String, Object> row : rows()) {
            BigDecimal[] exact = EXACT.get((String) row.get("isp"));
            assertEquals(0, exact[0].compareTo((BigDecimal) row.get("p2pBytes")), () -> "p2pBytes " + row);
            assertEquals(0, exact[1].compareTo((BigDecimal) row.get("cdnBytes")), () -> "cdnBytes " + row);
            assertEquals(0, exact[0].add(exact[1]).compareTo((BigDecimal) row.get("totalBytes")), () -> "totalBytes " + row);
            // the ratio divides the exact sums, each made a double by DuckDB (within an ulp of Java's rounding)
            assertEquals(exact[0].doubleValue() / exact[0].add(exact[1]).doubleValue(), (Double) row.get("p2pShare"),
                    1e-15);
        }
    }

    @Test
    void theSameQueryGivesTheSameDigitsTwentyTimes() {
        List<Map<String, Object>> first = rows();
        List<String> differing = new ArrayList<>();
        for (int run = 2; run <= 20; run++) {
            List<Map<String, Object>> again = rows();
            if (!again.equals(first)) {
                differing.add("run " + run + ": " + again);
            }
        }
        assertEquals(List.of(), differing, () -> "first run: " + first);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows() {
        ExecutionResult result = graphQL.execute(QUERY);
        assertEquals(List.of(), result.getErrors());
        return ((Map<String, List<Map<String, Object>>>) result.getData()).get("sessions");
    }
}
