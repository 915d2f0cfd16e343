package qoegraph.bench;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs SQL straight over JDBC, as a plain client would: prepare, bind, read every value of every row. */
final class JdbcTimer {
    private final DuckDBConnection duckdb;

    JdbcTimer(DuckDBConnection duckdb) {
        this.duckdb = duckdb;
    }

    /** @return nanoseconds from taking a connection to the last value read */
    long time(String sql, List<?> params) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = duckdb.duplicate(); PreparedStatement statement = connection.prepareStatement(sql)) {
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
        return System.nanoTime() - started;
    }
}
