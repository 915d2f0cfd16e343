package qoegraph.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to an engine: a duplicate of DuckDB's root connection, a new JDBC session of Trino. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
