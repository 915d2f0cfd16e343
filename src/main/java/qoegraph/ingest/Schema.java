package qoegraph.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import qoegraph.model.SourceColumn;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;
import qoegraph.model.SourceTablesException;

/** Creates the declared tables and the bookkeeping tables, and checks that existing ones match. */
final class Schema {

    private final SourceTables tables;
    private final DerivedColumns derived;

    Schema(SourceTables tables, DerivedColumns derived) {
        this.tables = tables;
        this.derived = derived;
    }

    /** Declared columns must not take the names ingest adds. */
    void checkNames() {
        List<String> errors = new ArrayList<>();
        for (SourceTable table : tables.all()) {
            for (String added : added(table)) {
                if (table.column(added).isPresent()) {
                    errors.add("tables." + table.name() + ": column '" + added + "' is added by ingest; rename it");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SourceTablesException(errors);
        }
    }

    void ensure(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : Bookkeeping.DDL) {
                statement.execute(ddl);
            }
            for (SourceTable table : tables.all()) {
                statement.execute(CsvSql.createTable(table, derived));
                EnumColumns.reconcile(connection, table);
                checkColumns(connection, table);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    // Names and types: a database made before a type changed in sources.yml (p2p DOUBLE before DECIMAL) would
    // otherwise keep answering with the old type.
    private void checkColumns(Connection connection, SourceTable table) throws SQLException {
        List<String> expected = new ArrayList<>();
        table.columns().forEach(c -> expected.add(column(c.name(), c.type())));
        expected.add(column(CsvSql.FILE_ID, "INTEGER"));
        derived.columns(table).forEach(c -> expected.add(column(c.name(), c.type())));
        List<String> actual = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name, data_type"
                + " FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'"
                + " AND table_name = ? ORDER BY column_index")) {
            select.setString(1, table.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    actual.add(column(rows.getString(1), declaredType(table, rows.getString(1), rows.getString(2))));
                }
            }
        }
        if (!actual.equals(expected)) {
            throw new IngestException("table " + table.name() + " exists with columns " + actual
                    + " but sources.yml and ingest give " + expected + "; drop it or use another database", null);
        }
    }

    // A lowCardinality column is VARCHAR until its first values arrive, an ENUM of them after (EnumColumns).
    private static String declaredType(SourceTable table, String column, String type) {
        boolean lowCardinality = table.column(column).map(SourceColumn::lowCardinality).orElse(false);
        return lowCardinality && EnumColumns.isEnum(type) ? "VARCHAR" : type;
    }

    private static String column(String name, String type) {
        return name + " " + type.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private List<String> added(SourceTable table) {
        List<String> added = new ArrayList<>();
        added.add(CsvSql.FILE_ID);
        derived.columns(table).forEach(c -> added.add(c.name()));
        return added;
    }
}
