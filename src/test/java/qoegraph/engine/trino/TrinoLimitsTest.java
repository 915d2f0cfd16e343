package qoegraph.engine.trino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import qoegraph.model.FieldType;
import qoegraph.sql.OutputColumn;
import qoegraph.sql.QueryGate;
import qoegraph.sql.QueryResult;
import qoegraph.sql.QueryTimeoutException;
import qoegraph.sql.SqlRunner;
import qoegraph.sql.SqlStatement;
import qoegraph.testsupport.TrinoTarget;

/**
 * Limits on the Trino engine behave as on DuckDB: a statement past the time limit fails as a timeout and is no
 * longer running on the coordinator afterwards (cancelled there, not only abandoned by the client), and the row
 * limit reads one row past it to tell truncation. Runs with a Trino given ({@link TrinoTarget}).
 */
@EnabledIf("qoegraph.testsupport.TrinoTarget#given")
class TrinoLimitsTest {
    /** A statement that runs for many minutes on any machine: 10^11 rows of a cross join, counted. */
    private static final String SLOW = "SELECT count(*) AS n FROM UNNEST(sequence(1, 10000)) AS a(x)"
            + " CROSS JOIN UNNEST(sequence(1, 10000)) AS b(y) CROSS JOIN UNNEST(sequence(1, 1000)) AS c(z)"
            + " WHERE (x * y + z) % 7 = ?";
    private static Trino trino;

    @BeforeAll
    static void open() {
        trino = new Trino(new Trino.Settings(TrinoTarget.URL, "limits-test", "lake", "qoegraph",
                Path.of(TrinoTarget.LAKE), "local:///"), 2);
    }

    @AfterAll
    static void close() {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void aStatementPastTheTimeLimitIsCancelledOnTheCoordinator() throws Exception {
        SqlRunner runner = new SqlRunner(Duration.ofSeconds(2), QueryGate.unlimited(), trino.statements());
        SqlStatement slow = new SqlStatement(SLOW, List.of(3), List.of(new OutputColumn("n", FieldType.LONG, null)), 10);
        long started = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> runner.run(slow));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 30, "the timeout came after " + seconds + " s");
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            running = runningLike("CROSS JOIN UNNEST(sequence(1, 1000)) AS c(z)");
            if (running.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(List.of(), running, "the statement still runs on the coordinator");
    }

    @Test
    void theRowLimitTellsTruncation() throws Exception {
        SqlRunner runner = new SqlRunner(Duration.ofSeconds(60), QueryGate.unlimited(), trino.statements());
        List<OutputColumn> x = List.of(new OutputColumn("x", FieldType.LONG, null));
        QueryResult cut = runner.run(new SqlStatement("SELECT x FROM UNNEST(sequence(1, 10)) AS t(x) ORDER BY x"
                + " OFFSET ? LIMIT ?", List.of(2, 4), x, 3));
        assertEquals(List.of(Map.of("x", 3L), Map.of("x", 4L), Map.of("x", 5L)), cut.rows());
        assertTrue(cut.truncated());
        QueryResult whole = runner.run(new SqlStatement("SELECT x FROM UNNEST(sequence(1, 10)) AS t(x) ORDER BY x"
                + " OFFSET ? LIMIT ?", List.of(8, 4), x, 3));
        assertEquals(List.of(Map.of("x", 9L), Map.of("x", 10L)), whole.rows());
        assertTrue(!whole.truncated());
    }

    private static List<String> runningLike(String text) throws SQLException {
        List<String> states = new ArrayList<>();
        // the text inline, not bound: an EXECUTE of this very query would show it as its own parameter
        try (Connection c = trino.connections().open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT query_id, state FROM system.runtime.queries WHERE state IN"
                    + " ('QUEUED', 'PLANNING', 'STARTING', 'RUNNING', 'FINISHING') AND strpos(query, '" + text + "') > 0"
                    + " AND strpos(query, 'system.runtime') = 0")) {
                while (rs.next()) {
                    states.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return states;
    }
}
