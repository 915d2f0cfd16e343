package qoegraph.engine.trino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import qoegraph.engine.QueryEngine;
import qoegraph.ingest.Ingester;
import qoegraph.ingest.LakeWriter;
import qoegraph.model.SourceTable;
import qoegraph.sql.ConnectionPool;
import qoegraph.sql.ConnectionSource;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.Statements;

/**
 * Trino as the query engine, reached over JDBC (trino-jdbc prepares on the coordinator and cancels there on a
 * timeout). The data are Hive tables of Parquet files: the ingest still reads and checks every file on the embedded
 * DuckDB, then {@link LakeWriter} writes each file's rows to the lake, one Parquet file per ingested file, each table
 * an external Hive table over its folder, so a new file becomes visible to Trino's next query whole.
 */
public final class Trino implements QueryEngine {
    private final Settings settings;
    private final TrinoDialect dialect = new TrinoDialect();
    /** io.trino.spi.StandardErrorCode.EXCEEDED_TIME_LIMIT: the coordinator killed the query at query_max_run_time. */
    static final int EXCEEDED_TIME_LIMIT = 0x0002_0003;

    private final ConnectionSource connections;
    private final Statements statements;

    /**
     * @param url      the coordinator, {@code jdbc:trino://host:port}
     * @param catalog  the Hive catalog holding the lake's tables
     * @param lake     the folder the ingest writes Parquet files to
     * @param lakeUri  the same folder as the catalog's file system names it ({@code local:///}, {@code s3://bucket/path})
     */
    public record Settings(String url, String user, String catalog, String schema, Path lake, String lakeUri) {
        public Settings {
            lakeUri = lakeUri.endsWith("/") ? lakeUri.substring(0, lakeUri.length() - 1) : lakeUri;
        }
    }

    public Trino(Settings settings, int idleConnections) {
        this.settings = settings;
        this.connections = this::connect;
        this.statements = timeoutsAsTimeouts(new ConnectionPool(connections, idleConnections));
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        Connection connection = DriverManager.getConnection(settings.url(), properties);
        try {
            connection.setCatalog(settings.catalog());
            connection.setSchema(settings.schema());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

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

    public Settings settings() {
        return settings;
    }

    /**
     * The work after each ingest: every declared table exists in Trino over its lake folder, and every ingested
     * file's rows are in the lake. Register it with {@link Ingester#afterEachIngest}.
     */
    public Ingester.AfterIngest lakeSync(Iterable<SourceTable> tables) {
        LakeWriter writer = new LakeWriter(settings.lake());
        return duckdb -> {
            try (Connection trino = connect(); Statement s = trino.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(settings.schema()));
                for (SourceTable table : tables) {
                    Files.createDirectories(writer.folder(table.name()));
                    s.execute(createTable(table.name(), LakeWriter.columns(duckdb, table.name())));
                }
            } catch (IOException e) {
                throw new SQLException("cannot create the lake folders under " + settings.lake() + ": " + e.getMessage(), e);
            }
            writer.sync(duckdb);
        };
    }

    /** An external Hive table of Parquet files over the table's lake folder, with the DuckDB table's columns. */
    public String createTable(String table, List<String[]> duckdbColumns) {
        List<String> columns = new ArrayList<>();
        for (String[] c : duckdbColumns) {
            columns.add(dialect.quote(c[0]) + " " + trinoType(c[1]));
        }
        return "CREATE TABLE IF NOT EXISTS " + dialect.quote(table) + " (" + String.join(", ", columns) + ") WITH ("
                + "external_location = '" + (settings.lakeUri() + "/" + table).replace("'", "''")
                + "', format = 'PARQUET')";
    }

    /** The Hive column type that reads DuckDB's Parquet encoding of a DuckDB column type. */
    static String trinoType(String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT).strip();
        if (t.endsWith("[]")) {
            return "array(" + trinoType(t.substring(0, t.length() - 2)) + ")";
        }
        if (t.startsWith("DECIMAL")) {
            return t.toLowerCase(Locale.ROOT).replace(" ", "");
        }
        return switch (t) {
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "SMALLINT" -> "smallint";
            case "TINYINT" -> "tinyint";
            case "DOUBLE" -> "double";
            case "FLOAT", "REAL" -> "real";
            case "BOOLEAN" -> "boolean";
            case "VARCHAR" -> "varchar";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp(6)";
            default -> throw new IllegalArgumentException("no lake type for DuckDB's " + duckdbType
                    + ": declare the column with another type in sources.yml");
        };
    }

    @Override
    public void close() {
        statements.close();
    }

    /**
     * trino-jdbc sends a statement's query timeout as the session's {@code query_max_run_time}: the coordinator kills
     * the query there (cancelled on the server, as the API promises) and the driver reports a plain SQLException;
     * it leaves as the SQLTimeoutException JDBC defines, which the runner reports as QUERY_TIMEOUT.
     */
    private static Statements timeoutsAsTimeouts(ConnectionPool pool) {
        return new Statements() {
            @Override
            public <T> T withStatement(String sql, Work<T> work) throws SQLException {
                try {
                    return pool.withStatement(sql, work);
                } catch (SQLException e) {
                    if (e.getErrorCode() == EXCEEDED_TIME_LIMIT && !(e instanceof SQLTimeoutException)) {
                        throw new SQLTimeoutException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                    }
                    throw e;
                }
            }

            @Override
            public Stats stats() {
                return pool.stats();
            }

            @Override
            public int idle() {
                return pool.idle();
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }
}
