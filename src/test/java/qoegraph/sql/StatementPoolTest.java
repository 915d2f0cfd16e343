package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import qoegraph.model.FieldType;

/**
 * The pool on a real DuckDB database: kept statements are reused with new values, stay right when the tables
 * under them are swapped as an ingest or a rollup rebuild swaps them, and a failed or cancelled statement costs its
 * connection, never a later answer.
 */
class StatementPoolTest {
    private static final List<OutputColumn> N_AND_LABEL = List.of(new OutputColumn("n", FieldType.LONG, null),
            new OutputColumn("label", FieldType.STRING, null));

    private DuckDBConnection root;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private StatementPool pool;
    private SqlRunner runner;

    @BeforeEach
    void open() throws SQLException {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        execute("CREATE TABLE t AS SELECT i AS n, 'row ' || i AS label FROM range(10) r(i)");
        pool = new StatementPool(() -> {
            Connection c = root.duplicate();
            opened.add(c);
            return c;
        }, 2, 3);
        runner = new SqlRunner(Duration.ofSeconds(1), QueryGate.unlimited(), pool);
    }

    @AfterEach
    void close() throws SQLException {
        pool.close();
        root.close();
    }

    @Test
    void aStatementSeenBeforeIsOnlyBoundAndRunWithTheNewValues() throws SQLException {
        assertEquals(List.of(row(8, "row 8"), row(9, "row 9")), runner.run(above(7)).rows());
        assertEquals(List.of(row(2, "row 2")), runner.run(between(1, 3)).rows());
        assertEquals(List.of(row(5, "row 5"), row(6, "row 6"), row(7, "row 7"), row(8, "row 8"), row(9, "row 9")),
                runner.run(above(4)).rows());
        assertEquals(new StatementPool.Stats(1, 2, 1), pool.stats());
        assertEquals(1, pool.idle());
    }

    @Test
    void aKeptStatementReadsTheTableSwappedInUnderIt() throws SQLException {
        assertEquals(2, runner.run(above(7)).rows().size());
        // the ingest's swap: a staging table renamed over the old one in one transaction
        execute("CREATE TABLE staging AS SELECT i AS n, 'new ' || i AS label FROM range(100) r(i)");
        execute("BEGIN; DROP TABLE t; ALTER TABLE staging RENAME TO t; COMMIT");
        assertEquals(92, runner.run(above(7)).rows().size());
        assertEquals(row(8, "new 8"), runner.run(above(7)).rows().get(0));
        // a rollup rebuild: CREATE OR REPLACE with other column types
        execute("CREATE OR REPLACE TABLE t AS SELECT (i * 10)::INTEGER AS n, i::VARCHAR AS label FROM range(3) r(i)");
        assertEquals(List.of(row(10, "1"), row(20, "2")), runner.run(above(7)).rows());
        assertEquals(1, pool.stats().prepared(), "DuckDB re-binds the kept statement itself");
    }

    @Test
    void aFailedStatementClosesItsConnectionAndTheNextRunsOnAFreshOne() throws SQLException {
        assertEquals(2, runner.run(above(7)).rows().size());
        execute("DROP TABLE t");
        SQLException missing = assertThrows(SQLException.class, () -> runner.run(above(7)));
        assertTrue(missing.getMessage().contains("t does not exist"), missing.getMessage());
        assertTrue(opened.get(0).isClosed(), "the connection that failed is not kept");
        assertEquals(0, pool.idle());
        execute("CREATE TABLE t AS SELECT 42 AS n, 'back' AS label");
        assertEquals(List.of(row(42, "back")), runner.run(above(7)).rows());
        assertEquals(2, pool.stats().connectionsOpened());
    }

    @Test
    void aCancelledStatementLeavesTheOthersOfThePoolWorking() throws SQLException {
        SqlStatement slow = new SqlStatement("SELECT count(*) AS c0, 'x' AS c1 FROM range(?) a, range(?) b",
                List.of(100_000_000L, 1_000_000L), N_AND_LABEL, 1);
        assertThrows(QueryTimeoutException.class, () -> runner.run(slow));
        assertThrows(QueryTimeoutException.class, () -> runner.run(slow));
        assertEquals(List.of(row(9, "row 9")), runner.run(above(8)).rows());
        assertEquals(List.of(row(9, "row 9")), runner.run(above(8)).rows());
        assertEquals(1, pool.idle());
    }

    @Test
    void eachConnectionKeepsItsMostRecentlyUsedStatements() throws SQLException {
        for (int round = 0; round < 2; round++) {
            for (int lower = 0; lower < 4; lower++) {        // four texts, three kept: each evicts the oldest
                runner.run(new SqlStatement("SELECT n AS c0, label AS c1 FROM t WHERE n > ? + " + lower,
                        List.of(0L), N_AND_LABEL, 100));
            }
        }
        assertEquals(new StatementPool.Stats(1, 8, 0), pool.stats());
        runner.run(new SqlStatement("SELECT n AS c0, label AS c1 FROM t WHERE n > ? + 3", List.of(0L), N_AND_LABEL, 100));
        assertEquals(1, pool.stats().reused());
    }

    @Test
    void concurrentCallersEachGetAConnectionOfTheirOwnAndTheRightRows() throws Exception {
        execute("CREATE OR REPLACE TABLE t AS SELECT i AS n, 'row ' || i AS label FROM range(1000) r(i)");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long lower = i % 1000;
                answers.add(threads.submit(() -> runner.run(above(lower)).rows().size() == 999 - lower));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get());
            }
        } finally {
            threads.shutdown();
        }
        assertTrue(pool.idle() <= 2, "at most maxIdle connections stay open, " + pool.idle() + " did");
        long open = opened.stream().filter(c -> !isClosed(c)).count();
        assertEquals(pool.idle(), open, "every connection not kept was closed");
    }

    @Test
    void closingThePoolClosesItsConnectionsAndRefusesNewWork() throws SQLException {
        runner.run(above(7));
        pool.close();
        assertTrue(opened.stream().allMatch(StatementPoolTest::isClosed));
        SQLException closed = assertThrows(SQLException.class, () -> runner.run(above(7)));
        assertEquals("the statement pool is closed: the server is stopping", closed.getMessage());
    }

    private static SqlStatement above(long lower) {
        return new SqlStatement("SELECT n AS c0, label AS c1 FROM t WHERE n > ? ORDER BY n", List.of(lower), N_AND_LABEL, 10_000);
    }

    private static SqlStatement between(long lower, long upper) {
        return new SqlStatement("SELECT n AS c0, label AS c1 FROM t WHERE n > ? AND n < ? ORDER BY n",
                List.of(lower, upper), N_AND_LABEL, 10_000);
    }

    private static Map<String, Object> row(long n, String label) {
        return Map.of("n", n, "label", label);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = root.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
