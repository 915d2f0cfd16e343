package qoegraph.engine;

import java.sql.SQLException;
import qoegraph.sql.ConnectionSource;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.Statements;

/**
 * The SQL engine that answers queries: its dialect, where the API's compiled statements run, and new connections
 * for the statements around them (rollup builds and checks, report checks). The embedded DuckDB is the default;
 * Trino serves data that outgrows one machine. The ingest reads and checks files on the embedded DuckDB on both.
 */
public interface QueryEngine extends AutoCloseable {
    SqlDialect dialect();

    /** Where dataset and report statements run: kept prepared statements on DuckDB, plain connections on Trino. */
    Statements statements();

    /** Opens a new connection, for work outside the API's statements. */
    ConnectionSource connections();

    /** Closes the statements' connections; the database the engine reaches stays. */
    @Override
    void close();

    /** An engine with a dialect and no database, for what needs none (the SDL): every statement fails. */
    static QueryEngine offline(SqlDialect dialect) {
        Statements none = new Statements() {
            @Override
            public <T> T withStatement(String sql, Work<T> work) throws SQLException {
                throw new SQLException("no database: this engine only compiles");
            }

            @Override
            public Stats stats() {
                return new Stats(0, 0, 0);
            }

            @Override
            public int idle() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
        return of(dialect, none, () -> {
            throw new SQLException("no database: this engine only compiles");
        });
    }

    /** An engine of these parts; closing it closes {@code statements}. */
    static QueryEngine of(SqlDialect dialect, Statements statements, ConnectionSource connections) {
        return new QueryEngine() {
            @Override
            public SqlDialect dialect() {
                return dialect;
            }

            @Override
            public Statements statements() {
                return statements;
            }

            @Override
            public ConnectionSource connections() {
                return connections;
            }

            @Override
            public void close() {
                statements.close();
            }
        };
    }
}
