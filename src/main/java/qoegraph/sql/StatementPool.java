package qoegraph.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections kept open between statements, each keeping the statements it has prepared, so that a statement
 * seen before is only bound and run. The API sends the same few SQL texts again and again with other bound
 * values, and on DuckDB a prepare costs about as much as running a small query (1.2 of 2.7 ms for the 45-row
 * rollup query of the benchmark).
 *
 * <p>Kept statements stay right when the data changes under them: DuckDB re-binds a prepared statement whose
 * tables changed (an ingest swaps a table in, a rollup is rebuilt), and every run is its own transaction.
 * A connection whose work failed is closed, not kept: DuckDB closes a statement that failed or was cancelled.
 * A caller never waits here (the {@link QueryGate} is the cap on statements at once): without an idle connection
 * a new one is opened, and one returned to a full pool is closed.
 */
public final class StatementPool implements Statements {
    /** SQL texts each connection keeps prepared: the API's query shapes in use, with room to spare. */
    public static final int DEFAULT_STATEMENTS = 100;

    private final ConnectionSource source;
    private final int maxIdle;
    private final int statementsPerConnection;
    private final Deque<Kept> idle = new ArrayDeque<>();   // guarded by this; most recently used first
    private boolean closed;                                 // guarded by this
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong prepared = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    /**
     * @param maxIdle                 connections kept open while nothing runs (the gate's cap is a good size)
     * @param statementsPerConnection statements each connection keeps, the least recently used closed first
     */
    public StatementPool(ConnectionSource source, int maxIdle, int statementsPerConnection) {
        if (maxIdle < 0 || statementsPerConnection < 1) {
            throw new IllegalArgumentException("maxIdle must be at least 0 and statementsPerConnection at least 1");
        }
        this.source = source;
        this.maxIdle = maxIdle;
        this.statementsPerConnection = statementsPerConnection;
    }

    /** A pool of 8 idle connections keeping {@link #DEFAULT_STATEMENTS} statements each. */
    public StatementPool(ConnectionSource source) {
        this(source, 8, DEFAULT_STATEMENTS);
    }

    /** Runs {@code work} with a statement of {@code sql}, prepared now or kept from an earlier run. */
    @Override
    public <T> T withStatement(String sql, Work<T> work) throws SQLException {
        Kept kept = take();
        boolean healthy = false;
        try {
            T result = work.run(kept.statement(sql));
            healthy = true;
            return result;
        } finally {
            if (healthy) {
                giveBack(kept);
            } else {
                kept.close();
            }
        }
    }

    @Override
    public Stats stats() {
        return new Stats(opened.get(), prepared.get(), reused.get());
    }

    @Override
    public synchronized int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        List<Kept> closing;
        synchronized (this) {
            closed = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(Kept::close);
    }

    private Kept take() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("the statement pool is closed: the server is stopping");
            }
            Kept kept = idle.pollFirst();
            if (kept != null) {
                return kept;
            }
        }
        opened.incrementAndGet();
        return new Kept(source.open());
    }

    private void giveBack(Kept kept) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(kept);
                return;
            }
        }
        kept.close();
    }

    /** A connection and its statements by SQL text; used by one caller at a time. */
    private final class Kept {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= statementsPerConnection) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        Kept(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement != null && !statement.isClosed()) {
                reused.incrementAndGet();
                return statement;
            }
            statement = connection.prepareStatement(sql);
            prepared.incrementAndGet();
            statements.put(sql, statement);
            return statement;
        }

        void close() {
            statements.values().forEach(StatementPool::closeQuietly);
            statements.clear();
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: the connection or statement is gone either way
        }
    }
}
