package qoegraph.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link SqlStatement} with a time limit that really cancels the statement on the engine, and returns its
 * rows keyed by output key: on the engine's {@link Statements} (API requests), or prepared on a connection of
 * the caller's (rollup checks). Each run takes a turn at the {@link QueryGate} first, and gives it
 * back when the statement is over or cancelled.
 */
public final class SqlRunner {
    private final Duration timeout;
    private final QueryGate gate;
    private final Statements pool;

    /** A runner with no cap on statements at once and no pool: for statements on the caller's connection. */
    public SqlRunner(Duration timeout) {
        this(timeout, QueryGate.unlimited(), null);
    }

    /**
     * @param timeout the time limit per statement, in whole seconds (JDBC's unit: DuckDB's watchdog cancels the
     *                statement, Trino's coordinator kills the query); rounded up, at least one second
     * @param gate    the cap on statements at once that this runner shares with the others of the server
     * @param pool    the connections (and kept statements) {@link #run(SqlStatement)} runs on
     */
    public SqlRunner(Duration timeout, QueryGate gate, Statements pool) {
        this.timeout = Duration.ofSeconds(Math.max(1, (timeout.toMillis() + 999) / 1000));
        this.gate = gate;
        this.pool = pool;
    }

    /**
     * Runs on a connection of the pool, with the statement kept from an earlier run of the same SQL when there is one.
     *
     * @throws QueryTimeoutException when the statement ran past the time limit (it is cancelled)
     * @throws QueryBusyException when the gate gave no turn within its busy wait (the statement did not run)
     * @throws SQLException for any other database error
     */
    public QueryResult run(SqlStatement statement) throws SQLException {
        if (pool == null) {
            throw new IllegalStateException("this runner has no statement pool: pass a connection");
        }
        try (QueryGate.Turn turn = gate.enter()) {
            return pool.withStatement(statement.sql(), ps -> execute(ps, statement));
        } catch (SQLTimeoutException e) {
            throw new QueryTimeoutException(timeout, e); // as the engine's statements report it after the work
        }
    }

    /** Runs on {@code connection}, prepared for this run only; throws as {@link #run(SqlStatement)}. */
    public QueryResult run(Connection connection, SqlStatement statement) throws SQLException {
        try (QueryGate.Turn turn = gate.enter(); PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            return execute(ps, statement);
        }
    }

    /** Binds every parameter (a kept statement still holds the last run's) and reads at most the limit's rows. */
    private QueryResult execute(PreparedStatement ps, SqlStatement statement) throws SQLException {
        long started = System.nanoTime();
        try {
            ps.setQueryTimeout((int) timeout.toSeconds());
            for (int i = 0; i < statement.params().size(); i++) {
                ps.setObject(i + 1, statement.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                RowReader reader = new RowReader(rs, statement.columns());
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == statement.limit()) {
                        truncated = true;
                        break;
                    }
                    rows.add(reader.read());
                }
                return new QueryResult(rows, truncated, Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (SQLTimeoutException e) {
            throw new QueryTimeoutException(timeout, e);
        }
    }
}
