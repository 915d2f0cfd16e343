package qoegraph.bench;

import qoegraph.sql.ConnectionSource;
import qoegraph.sql.StatementPool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs SQL straight over JDBC, two ways: as a plain client would (a connection, prepare, bind, read every value of
 * every row), and on a statement prepared once and kept, on a {@link StatementPool} of its own as the server runs it.
 */
final class JdbcTimer implements AutoCloseable {
    private final ConnectionSource connections;
    private final StatementPool kept;

    /** @param connections the engine's: each timed plain run opens one */
    JdbcTimer(ConnectionSource connections) {
        this.connections = connections;
        this.kept = new StatementPool(connections, 1, StatementPool.DEFAULT_STATEMENTS);
    }

    /** @return nanoseconds from taking a connection to the last value read */
    long time(String sql, List<?> params) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = connections.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            readAll(statement, params);
        }
        return System.nanoTime() - started;
    }

    /** @return nanoseconds from binding the statement kept for {@code sql} (prepared on first use) to the last value read */
    long timeKept(String sql, List<?> params) throws SQLException {
        return kept.withStatement(sql, statement -> {
            long started = System.nanoTime();
            readAll(statement, params);
            return System.nanoTime() - started;
        });
    }

    private static void readAll(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
    }

    @Override
    public void close() {
        kept.close();
    }
}
