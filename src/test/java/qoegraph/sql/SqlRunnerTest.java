package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import qoegraph.model.FieldType;

class SqlRunnerTest {
    @Test
    void byteSumsBeyondIntAreExactLongs() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            SqlStatement statement = new SqlStatement("SELECT sum(x) AS c0, count(*) AS c1 FROM (VALUES (?::BIGINT), "
                    + "(?::BIGINT)) v(x)", List.of(4_000_000_000_000_000_001L, 3L),
                    List.of(new OutputColumn("bytes", FieldType.LONG, null), new OutputColumn("count", FieldType.LONG, null)), 10);
            QueryResult result = new SqlRunner(Duration.ofSeconds(5)).run(c, statement);
            assertEquals(List.of(Map.of("bytes", 4_000_000_000_000_000_004L, "count", 2L)), result.rows());
        }
    }

    @Test
    void aStatementPastItsTimeLimitIsCancelled() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            SqlStatement slow = new SqlStatement("SELECT count(*) AS c0 FROM range(?) a, range(?) b", List.of(1_000_000L, 1_000_000L),
                    List.of(new OutputColumn("n", FieldType.LONG, null)), 1);
            long started = System.nanoTime();
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> new SqlRunner(Duration.ofSeconds(1)).run(c, slow));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
            assertEquals(Duration.ofSeconds(1), e.timeout());
        }
    }

    @Test
    void aTimeoutIsWholeSecondsRoundedUp() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> new SqlRunner(Duration.ofMillis(300)).run(c, slow()));
            assertEquals(Duration.ofSeconds(1), e.timeout());
        }
    }

    @Test
    void aCancelledStatementGivesItsTurnBack() throws Exception {
        QueryGate gate = new QueryGate(1, Duration.ZERO);
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             StatementPool pool = new StatementPool(c::duplicate)) {
            SqlRunner runner = new SqlRunner(Duration.ofSeconds(1), gate, pool);
            assertThrows(QueryTimeoutException.class, () -> runner.run(slow()));
            assertEquals(0, gate.running());
            assertEquals(List.of(Map.of("n", 4L)), runner.run(count(2)).rows());
        }
    }

    @Test
    void withNoTurnFreeTheStatementDoesNotRun() throws Exception {
        QueryGate gate = new QueryGate(1, Duration.ZERO);
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             StatementPool pool = new StatementPool(c::duplicate); QueryGate.Turn held = gate.enter()) {
            SqlRunner runner = new SqlRunner(Duration.ofSeconds(5), gate, pool);
            SqlStatement broken = new SqlStatement("SELECT no_such_column AS c0", List.of(),
                    List.of(new OutputColumn("n", FieldType.LONG, null)), 1);
            QueryBusyException busy = assertThrows(QueryBusyException.class, () -> runner.run(broken));
            assertEquals(1, busy.running());
            assertEquals(0, pool.stats().connectionsOpened(), "no turn, no connection");
        }
    }

    private static SqlStatement slow() {
        return count(1_000_000);
    }

    private static SqlStatement count(long n) {
        return new SqlStatement("SELECT count(*) AS c0 FROM range(?) a, range(?) b", List.of(n, n),
                List.of(new OutputColumn("n", FieldType.LONG, null)), 1);
    }
}
