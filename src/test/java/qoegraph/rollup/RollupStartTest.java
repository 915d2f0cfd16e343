package qoegraph.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import qoegraph.ingest.Ingester;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;

/**
 * A start keeps a rollup built by the same SELECT on the same data stamp and rebuilds it otherwise; a forced
 * refresh forgets the stamp. The rows added here behind the stamp's back show which happened: a kept table does
 * not count them, a rebuilt one does.
 */
class RollupStartTest {
    private final Model model = ModelLoader.load(RollupData.MODEL_DIR);
    private DuckDBConnection root;
    private Rollups rollups;

    @BeforeEach
    void setUp() throws Exception {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        new Ingester(root, SourceTables.load(RollupData.MODEL_DIR.resolve("sources.yml")), line -> { }).ensureSchema();
        addSessions(100);
        try (Connection c = root.duplicate()) {
            rollups = new Rollups(RollupLoader.load(RollupData.ROLLUP_DIR, model, c), model, line -> { });
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        root.close();
    }

    private void addSessions(int rows) throws Exception {
        try (Statement s = root.createStatement()) {
            s.execute("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn, _file_id) SELECT i % 3 + 1, 'BTP',"
                    + " 'Iron', true, 10, 20, 1 FROM range(" + rows + ") t(i)");
        }
    }

    private long viewersInRollup() throws Exception {
        try (Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(count) FROM \"_rollup_sessionsByStream\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void start(String dataStamp) throws Exception {
        try (Connection c = root.duplicate()) {
            rollups.refreshStale(c, dataStamp);
        }
    }

    @Test
    void sameStampKeepsOtherStampRebuilds() throws Exception {
        start("files 1");
        assertEquals(100, viewersInRollup());
        addSessions(5);
        start("files 1");
        assertEquals(100, viewersInRollup(), "same SELECT, same stamp: kept");
        assertEquals(true, rollups.built("sessions").stream().anyMatch(b -> b.rows() > 0), "offered to the planner");
        start("files 1, 2");
        assertEquals(105, viewersInRollup(), "new stamp: rebuilt");
    }

    @Test
    void aForcedRefreshForgetsTheStamp() throws Exception {
        start("files 1");
        try (Connection c = root.duplicate()) {
            rollups.refresh(c);
        }
        addSessions(7);
        start("files 1");
        assertEquals(107, viewersInRollup(), "built without a stamp: never taken for fresh");
    }
}
