package qoegraph.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Walk;
import qoegraph.cache.DataVersion;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.ingest.IngestException;
import qoegraph.ingest.Ingester;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.plan.Source;
import qoegraph.query.Query;
import qoegraph.rollup.RollupLoader;
import qoegraph.rollup.Rollups;

/**
 * An ingest through {@link DataAdmin} never lets a query read a rollup older than its base table: while the
 * ingest runs (observed from inside it, through the ingester's progress callback) the planner is offered no
 * rollup; afterwards the rebuilt rollup counts every row of every file (counted here from the files' lines).
 */
class DataAdminTest {
    private static final DuckDbDialect DUCKDB = new DuckDbDialect();
    static final Path MODEL = Path.of("queries/model");
    static final Query COUNT = Query.newQuery("sessions").dimensions("stream").metrics("count").build();

    @TempDir
    Path dir;

    private DuckDBConnection root;
    private Model model;
    private Rollups rollups;
    private DataVersion version;
    private DataAdmin admin;
    private final List<String> planned = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("db.duckdb"));
        model = ModelLoader.load(MODEL);
        // Each progress line of the ingest plans the test query: what a request arriving then would get.
        Ingester ingester = new Ingester(root, SourceTables.load(MODEL.resolve("sources.yml")),
                line -> planned.add(source(new Planner(model, rollups).plan(COUNT))));
        ingester.ensureSchema();
        try (Connection c = root.duplicate()) {
            rollups = new Rollups(RollupLoader.load(Path.of("queries/rollups"), model, c, DUCKDB), model, DUCKDB, line -> { });
        }
        version = new DataVersion();
        admin = new DataAdmin(ingester, rollups, version, root::duplicate, dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        root.close();
    }

    @Test
    void duringAnIngestNoRollupIsOfferedAndAfterItTheRollupCountsEveryFile() throws Exception {
        int first = write("a.csv", 1, 25);
        admin.ingest(List.of("a.csv"));
        assertEquals(first, count(rollups));
        planned.clear();

        int second = write("b.csv", 2, 40);
        long before = version.current();
        admin.ingest(List.of("b.csv"));

        assertFalse(planned.isEmpty(), "the ingest reported no progress: nothing observed");
        assertTrue(planned.stream().allMatch(s -> s.equals("table")), () -> "planned during the ingest: " + planned);
        assertEquals("rollup", source(new Planner(model, rollups).plan(COUNT)));
        assertEquals(first + second, count(rollups));
        assertEquals(first + second, count(Rollups.none()));
        assertEquals(before + 2, version.current(), "one move at the commit, one after the rebuild");
    }

    @Test
    void aDuplicateFileChangesNothingAndTheRollupsComeBackUnrebuilt() throws Exception {
        int rows = write("a.csv", 1, 10);
        admin.ingest(List.of("a.csv"));
        long before = version.current();
        var outcome = admin.ingest(List.of("a.csv"));
        assertEquals("SKIPPED_DUPLICATE", outcome.files().get(0).status().name());
        assertEquals(before, version.current());
        assertFalse(rollups.withdrawn());
        assertEquals(rows, count(rollups));
    }

    @Test
    void whenALaterFileIsRefusedTheEarlierOneIsInAndTheRollupsAreRebuiltOverIt() throws Exception {
        int rows = write("good.csv", 3, 12);
        Files.writeString(dir.resolve("empty.csv"), "");
        assertThrows(IngestException.class, () -> admin.ingest(List.of("good.csv", "empty.csv")));
        assertFalse(rollups.withdrawn());
        assertEquals(rows, count(rollups));
        assertEquals("rollup", source(new Planner(model, rollups).plan(COUNT)));
    }

    @Test
    void pathsThatLeaveTheIngestFolderAreRefusedBeforeAnythingIsRead() throws Exception {
        Path outside = Files.createTempFile("outside", ".csv");
        Files.writeString(outside, "#stream,isp,browser,connected,p2p,cdn\n1,Fro,Iron,true,1,1\n");
        Files.createSymbolicLink(dir.resolve("link.csv"), outside);
        for (String path : List.of("../x.csv", outside.toString(), "link.csv", "", "missing.csv")) {
            assertThrows(AdminException.class, () -> admin.ingest(List.of(path)), path);
        }
        assertEquals(0, count(Rollups.none()));
        assertFalse(rollups.withdrawn());
        Files.delete(outside);
    }

    /** Writes {@code rows} sessions lines of one stream; returns the number of data lines written. */
    private int write(String name, int stream, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("#stream,isp,browser,connected,p2p,cdn\n");
        for (int i = 0; i < rows; i++) {
            csv.append(stream).append(",Fro,Iron,true,").append(i).append(".5,").append(i * 2).append('\n');
        }
        Files.writeString(dir.resolve(name), csv);
        return (int) csv.chars().filter(c -> c == '\n').count() - 1;
    }

    /** The total of {@code count} over every stream, planned with the given rollups. */
    private long count(qoegraph.plan.BuiltRollups rollups) throws Exception {
        Walk walk = new Walk(model, DUCKDB, rollups, Duration.ofSeconds(30));
        try (Connection c = root.duplicate()) {
            return walk.run(c, COUNT).rows().stream()
                    .mapToLong(r -> ((Number) r.get("count")).longValue()).sum();
        }
    }

    private static String source(Plan plan) {
        return plan.source() instanceof Source.RollupTable ? "rollup" : "table";
    }
}
