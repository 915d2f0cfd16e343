package qoegraph.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where the API's statements run, once compiled: the engine's connections, and how a statement is prepared on
 * them. DuckDB keeps prepared statements per connection ({@link StatementPool}); Trino prepares on the
 * coordinator per run and needs only its connections kept ({@link ConnectionPool}).
 */
public interface Statements extends AutoCloseable {
    /** What a caller does with a prepared statement; it binds every parameter and sets the time limit each time. */
    @FunctionalInterface
    interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** How many connections were opened, statements prepared, and kept statements used instead of a prepare. */
    record Stats(long connectionsOpened, long prepared, long reused) {
    }

    /** Runs {@code work} with a statement of {@code sql} on a connection of this pool. */
    <T> T withStatement(String sql, Work<T> work) throws SQLException;

    Stats stats();

    /** Connections open and idle right now. */
    int idle();

    /** Closes the idle connections now and each busy one when its work ends; later work opens none. */
    @Override
    void close();
}
