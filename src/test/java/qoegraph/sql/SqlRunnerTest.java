package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
