package qoegraph.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import qoegraph.ingest.Ingester;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;

/**
 * Empty data tables for hand-made fixtures, created by the ingest's own schema step (declared columns,
 * {@code _file_id}, the derived {@code user_id} / {@code location_id}), so a fixture can never drift from
 * the tables ingest makes.
 */
public final class IngestTables {
    public static final Path SOURCES = Path.of("queries/model/sources.yml");

    private IngestTables() {
    }

    /** Creates the tables where absent and empties them (a server start may already have created them). */
    public static void createEmpty(Connection duckdb) throws SQLException {
        SourceTables tables = SourceTables.load(SOURCES);
        new Ingester(duckdb, tables, message -> { }).ensureSchema();
        try (Statement statement = duckdb.createStatement()) {
            for (SourceTable table : tables.all()) {
                statement.execute("DELETE FROM " + table.name());
            }
        }
    }
}
