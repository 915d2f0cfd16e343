package qoegraph.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link SqlStatement} on a connection (one per request: {@code DuckDBConnection.duplicate()}) with a
 * time limit that really cancels the DuckDB statement, and returns its rows keyed by output key.
 */
public final class SqlRunner {
    private final Duration timeout;

    /** @param timeout the time limit per statement, whole seconds (JDBC's unit); at least one second */
    public SqlRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @throws QueryTimeoutException when the statement ran past the time limit
     * @throws SQLException for any other database error
     */
    public QueryResult run(Connection connection, SqlStatement statement) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            ps.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            for (int i = 0; i < statement.params().size(); i++) {
                ps.setObject(i + 1, statement.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == statement.limit()) {
                        truncated = true;
                        break;
                    }
                    rows.add(row(rs, statement.columns()));
                }
                return new QueryResult(rows, truncated, Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (SQLTimeoutException e) {
            throw new QueryTimeoutException(timeout, e);
        }
    }

    private static Map<String, Object> row(ResultSet rs, List<OutputColumn> columns) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).key(), ResultValues.read(rs, i + 1, columns.get(i)));
        }
        return row;
    }
}
