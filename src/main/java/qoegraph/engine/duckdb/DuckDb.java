package qoegraph.engine.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import qoegraph.engine.QueryEngine;
import qoegraph.sql.ConnectionSource;
import qoegraph.sql.StatementPool;
import qoegraph.sql.Statements;

/**
 * One embedded DuckDB database: the ingest's store on every engine, and the default query engine. Work takes
 * {@code root.duplicate()} connections (stack.md): sharing the root connection across threads would serialise
 * every query.
 */
public final class DuckDb implements AutoCloseable {
    private final DuckDBConnection root;
    private final ConnectionSource connections;

    private DuckDb(DuckDBConnection root) {
        this.root = root;
        this.connections = root::duplicate;
    }

    /** Opens (creating when absent) the database at {@code url}: {@code jdbc:duckdb:<file>}, or an in-memory one. */
    public static DuckDb open(String url) throws SQLException {
        return new DuckDb((DuckDBConnection) DriverManager.getConnection(url));
    }

    /** The database of an open DuckDB connection, which stays the caller's to close. */
    public static DuckDb of(Connection root) {
        return new DuckDb((DuckDBConnection) root);
    }

    /** The root connection: the ingester duplicates it itself. */
    public Connection root() {
        return root;
    }

    /** New connections to this database; the engine over it hands out this same source. */
    public ConnectionSource connections() {
        return connections;
    }

    /**
     * This database as the query engine, its statements kept on up to {@code idleConnections} connections
     * ({@link StatementPool#DEFAULT_STATEMENTS} each).
     */
    public QueryEngine engine(int idleConnections) {
        return engine(new StatementPool(connections, idleConnections, StatementPool.DEFAULT_STATEMENTS));
    }

    /** This database as the query engine, running the API's statements on {@code statements}. */
    public QueryEngine engine(Statements statements) {
        return QueryEngine.of(new DuckDbDialect(), statements, connections);
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
