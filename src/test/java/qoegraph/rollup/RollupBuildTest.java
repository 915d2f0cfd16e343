package qoegraph.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.ingest.Ingester;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlRunner;

/** Loading and building rollups: the repository's files load, builds swap atomically, bad files name file and line. */
class RollupBuildTest {
    private static final DuckDbDialect DUCKDB = new DuckDbDialect();
    private final Model model = ModelLoader.load(RollupData.MODEL_DIR);
    private DuckDBConnection root;

    @BeforeEach
    void setUp() throws Exception {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        new Ingester(root, SourceTables.load(RollupData.MODEL_DIR.resolve("sources.yml")), line -> { }).ensureSchema();
        try (Statement s = root.createStatement()) {
            s.execute("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn, _file_id)"
                    + " SELECT i % 9 + 1, ['Fro', 'Arange', 'BTP'][i % 3 + 1], ['Iron', 'Swamp'][i % 2 + 1], i % 4 = 0,"
                    + " (i % 1000) * 1000, (i % 777) * 100, 1 FROM range(200000) t(i)");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        root.close();
    }

    private Rollups rollups() throws Exception {
        try (Connection c = root.duplicate()) {
            return new Rollups(RollupLoader.load(RollupData.ROLLUP_DIR, model, c, DUCKDB), model, DUCKDB, line -> { });
        }
    }

    private QueryResult run(Query query, Rollups rollups, String expectedSource) throws Exception {
        Plan plan = new Planner(model, rollups).plan(query);
        assertEquals(expectedSource, plan.source().kind());
        try (Connection c = root.duplicate()) {
            return new SqlRunner(Duration.ofSeconds(60)).run(c, new SelectCompiler(DUCKDB).compile(plan));
        }
    }

    @Test
    void theRepositoryRollupsLoadAndBuildWithTheirSizes() throws Exception {
        Rollups rollups = rollups();
        assertEquals(List.of("dnsHourly", "httpHourly", "sessionsByStream", "trafficHourly"),
                rollups.definitions().stream().map(d -> d.rollup().name()).sorted().toList());
        assertTrue(rollups.statuses().stream().allMatch(s -> s.builtAt() == null));
        try (Connection c = root.duplicate()) {
            rollups.refresh(c);
        }
        RollupStatus sessions = rollups.statuses().stream().filter(s -> s.name().equals("sessionsByStream"))
                .findFirst().orElseThrow();
        try (Statement s = root.createStatement(); var rs = s.executeQuery(
                "SELECT count(*) FROM (SELECT DISTINCT stream, isp, browser, connected FROM sessions)")) {
            rs.next();
            assertEquals(rs.getLong(1), sessions.rows(), "stream x isp x browser x connected groups present");
        }
        assertNotNull(sessions.builtAt());
        assertEquals(List.of("stream", "isp", "browser", "connected"), sessions.dimensions());
        assertTrue(sessions.rollup().metrics().contains("connectedShare"));
    }

    @Test
    void aQueryDuringRebuildsSeesTheOldOrTheNewTableNeverNone() throws Exception {
        Rollups rollups = rollups();
        try (Connection c = root.duplicate()) {
            rollups.refresh(c);
        }
        Query query = Query.newQuery("sessions").dimensions("isp").metrics("count", "p2pBytes").build();
        List<Map<String, Object>> expected = run(query, rollups, "rollup").rows();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean building = new AtomicBoolean(true);
        try {
            Future<?> builds = pool.submit(() -> {
                try (Connection c = root.duplicate()) {
                    for (int i = 0; i < 8; i++) {
                        rollups.refresh(c);
                    }
                } finally {
                    building.set(false);
                }
                return null;
            });
            int queries = 0;
            while (building.get() || queries == 0) {
                assertEquals(expected, run(query, rollups, "rollup").rows());
                queries++;
            }
            builds.get();
            System.out.println("rollup swap: " + queries + " queries during 8 rebuilds, all answered from a whole rollup");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRollupIsUsedOnlyOnceBuiltAndIsFasterThanTheTable() throws Exception {
        Rollups rollups = rollups();
        Query query = Query.newQuery("sessions").dimensions("stream", "connected").metrics("count", "p2pShare").build();
        run(query, rollups, "table");
        try (Connection c = root.duplicate()) {
            rollups.refresh(c);
        }
        long t0 = System.nanoTime();
        List<Map<String, Object>> base = run(query, new Rollups(List.of(), DUCKDB, line -> { }), "table").rows();
        long t1 = System.nanoTime();
        List<Map<String, Object>> rolled = run(query, rollups, "rollup").rows();
        long t2 = System.nanoTime();
        assertEquals(base.size(), rolled.size());
        System.out.printf("rollup timing (200k sessions rows, one run each, cold): table %.1f ms, rollup %.1f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    @Test
    void aBadFileNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.sql"), """
                -- rollup: bad
                -- dataset: sessions
                -- dimensions: isp, nope
                -- metrics: count, p2pMedian
                SELECT isp, count(*) AS count FROM sessions GROUP BY ALL
                """);
        Files.writeString(dir.resolve("columns.sql"), """
                -- rollup: columns
                -- dataset: sessions
                -- dimensions: isp
                -- metrics: count, avgTotalBytes

                SELECT isp, count(*) AS count, sum(p2p) AS extra FROM sessions GROUP BY ALL
                """);
        RollupException e;
        try (Connection c = root.duplicate()) {
            e = assertThrows(RollupException.class, () -> RollupLoader.load(dir, model, c, DUCKDB));
        }
        String message = String.join("\n", e.problems());
        assertTrue(message.contains("bad.sql:3: unknown dimension 'nope' of sessions"), message);
        assertTrue(message.contains("bad.sql:4: metric 'p2pMedian' (quantile) cannot be rebuilt"), message);
        assertTrue(message.contains("columns.sql:6: the SELECT has no column 'avgTotalBytes__count'"), message);
        assertTrue(message.contains("columns.sql:6: the SELECT returns column 'extra'"), message);
    }

    @Test
    void aColumnThatDriftsFromTheModelFailsTheBuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("drift.sql"), """
                -- rollup: drift
                -- dataset: sessions
                -- dimensions: isp
                -- metrics: count, p2pBytes
                SELECT isp, count(*) AS count, sum(cdn) AS p2pBytes FROM sessions GROUP BY ALL
                """);
        try (Connection c = root.duplicate()) {
            Rollups rollups = new Rollups(RollupLoader.load(dir, model, c, DUCKDB), model, DUCKDB, line -> { });
            RollupException e = assertThrows(RollupException.class, () -> rollups.refresh(c));
            assertTrue(e.getMessage().contains("drift.sql:5: metric 'p2pBytes' totals"), e.getMessage());
            assertTrue(rollups.built("sessions").isEmpty());
        }
    }

    @Test
    void aTimeColumnNotTruncatedAsDeclaredFailsTheBuildAndKeepsNothingHalfDone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("raw.sql"), """
                -- rollup: raw
                -- dataset: traffic
                -- dimensions: ts:hour
                -- metrics: count
                SELECT ts, count(*) AS count FROM deviceapptraffic GROUP BY ALL
                """);
        try (Statement s = root.createStatement()) {
            s.execute("INSERT INTO deviceapptraffic (id, devid, ts, _file_id) VALUES (1, 1, TIMESTAMP '2015-05-04 10:00:05', 1)");
        }
        try (Connection c = root.duplicate()) {
            Rollups rollups = new Rollups(RollupLoader.load(dir, model, c, DUCKDB), DUCKDB, line -> { });
            RollupException e = assertThrows(RollupException.class, () -> rollups.refresh(c));
            assertTrue(e.getMessage().contains("raw.sql:5: column 'ts' is declared hour but 1 rows are not truncated"),
                    e.getMessage());
            assertTrue(rollups.built("traffic").isEmpty());
        }
    }
}
