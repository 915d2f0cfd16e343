package qoegraph.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections kept open between statements, each statement prepared for its run only: for an engine whose
 * driver prepares on the server per execution (trino-jdbc sends PREPARE with every EXECUTE), where keeping
 * statements saves nothing. A connection whose work failed is closed, not kept; a caller never waits here
 * (the {@link QueryGate} is the cap on statements at once).
 */
public final class ConnectionPool implements Statements {
    private final ConnectionSource source;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>(); // guarded by this
    private boolean closed;                                     // guarded by this
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong prepared = new AtomicLong();

    public ConnectionPool(ConnectionSource source, int maxIdle) {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle must be at least 0");
        }
        this.source = source;
        this.maxIdle = maxIdle;
    }

    @Override
    public <T> T withStatement(String sql, Work<T> work) throws SQLException {
        Connection connection = take();
        boolean healthy = false;
        prepared.incrementAndGet();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            T result = work.run(statement);
            healthy = true;
            return result;
        } finally {
            if (healthy) {
                giveBack(connection);
            } else {
                closeQuietly(connection);
            }
        }
    }

    @Override
    public Stats stats() {
        return new Stats(opened.get(), prepared.get(), 0);
    }

    @Override
    public synchronized int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        List<Connection> closing;
        synchronized (this) {
            closed = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(ConnectionPool::closeQuietly);
    }

    private Connection take() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("the connection pool is closed: the server is stopping");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        opened.incrementAndGet();
        return source.open();
    }

    private void giveBack(Connection connection) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: the connection is gone either way
        }
    }
}
