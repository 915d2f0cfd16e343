package qoegraph.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import qoegraph.model.SourceColumn;
import qoegraph.model.SourceTable;

/**
 * The {@code lowCardinality} columns of a table, stored as DuckDB ENUMs: a group-by or filter on them compares
 * small integers instead of hashing text, while queries still read and compare text. DuckDB has no empty ENUM,
 * so a new table has them as VARCHAR; the first file that brings values turns each into an ENUM of those values,
 * and a later file with a value the ENUM lacks widens it ({@code ALTER ... TYPE} with the union), in the file's
 * transaction. The values are kept in DuckDB's text order, so ORDER BY sorts as it would on VARCHAR.
 *
 * <p>A value the ENUM lacks makes DuckDB's cast fail loudly ({@link #isUnseenValue}); it is never turned into
 * NULL or a reject, so nothing is lost: the caller rolls back, widens and loads again.
 */
final class EnumColumns {

    private static final String ENUM = "ENUM(";
    private static final String VALUE_REJECTS = "_ingest_enum_reject";

    private final SourceTable table;
    private final List<SourceColumn> columns;

    private EnumColumns(SourceTable table, List<SourceColumn> columns) {
        this.table = table;
        this.columns = columns;
    }

    static EnumColumns of(SourceTable table) {
        return new EnumColumns(table, table.columns().stream().filter(SourceColumn::lowCardinality).toList());
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    List<String> names() {
        return columns.stream().map(SourceColumn::name).toList();
    }

    /** Whether every column is an ENUM already, so that a load can cast to it without knowing the file's values. */
    boolean typed(Connection connection) throws SQLException {
        for (SourceColumn column : columns) {
            if (!isEnum(type(connection, column.name()))) {
                return false;
            }
        }
        return true;
    }

    /** DuckDB's message when a text value is not one of an ENUM's values. */
    static boolean isUnseenValue(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Could not convert string") && message.contains("to ENUM(");
    }

    /**
     * Makes each column an ENUM holding its current values, the values already in the table (a column that is still
     * VARCHAR) and {@code incoming}; no statement when nothing is new. Null or empty sets leave a column as it is.
     */
    void widen(Connection connection, Map<String, Set<String>> incoming) throws SQLException {
        for (SourceColumn column : columns) {
            Set<String> values = incoming.getOrDefault(column.name(), Set.of());
            String type = type(connection, column.name());
            Set<String> current = isEnum(type) ? enumValues(connection, type) : distinctValues(connection, column);
            if (isEnum(type) && current.containsAll(values)) {
                continue;
            }
            Set<String> all = new TreeSet<>(EnumColumns::compareAsDuckDb);
            all.addAll(current);
            all.addAll(values);
            if (all.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                // DuckDB's parser ends a string literal at a NUL character, so no ENUM type can spell such a value:
                // the column stays (or goes back to) text, as without lowCardinality, and so for its later files
                if (isEnum(type)) {
                    alter(connection, column.name(), column.type());
                }
                continue;
            }
            if (!all.isEmpty()) {
                alter(connection, column.name(), enumType(all));
            }
        }
    }

    /** The distinct values of each column in the rows DuckDB reads from {@code file}: exact, at the cost of a read. */
    Map<String, Set<String>> valuesIn(Connection connection, CsvFile file) throws SQLException {
        Rejects.dropDuckDbTables(connection, VALUE_REJECTS);
        String lists = columns.stream().map(c -> "list(DISTINCT " + Sql.id(c.name()) + ")")
                .collect(Collectors.joining(", "));
        Map<String, Set<String>> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + lists + " FROM "
                     + CsvSql.readCsv(table, file.path(), file.gzip(), VALUE_REJECTS))) {
            rows.next();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i).name(), strings(rows.getArray(i + 1)));
            }
        }
        return values;
    }

    /**
     * Brings an existing table in line with the declaration: a declared column that holds values as VARCHAR (a
     * database made before it was declared) becomes an ENUM, an ENUM column no longer declared becomes VARCHAR.
     */
    static void reconcile(Connection connection, SourceTable table) throws SQLException {
        EnumColumns declared = of(table);
        declared.widen(connection, Map.of());
        for (SourceColumn column : table.columns()) {
            if (!column.lowCardinality() && isEnum(declared.type(connection, column.name()))) {
                declared.alter(connection, column.name(), column.type());
            }
        }
    }

    /** Whether a DuckDB column type (as duckdb_columns() spells it) is an ENUM. */
    static boolean isEnum(String type) {
        return type != null && type.startsWith(ENUM);
    }

    private String type(Connection connection, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT data_type FROM duckdb_columns()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?"
                + " AND column_name = ?")) {
            select.setString(1, table.name());
            select.setString(2, column);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    // The type text comes from DuckDB's catalog, which quotes each value as a SQL literal.
    private static Set<String> enumValues(Connection connection, String type) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT enum_range(NULL::" + type + ")")) {
            rows.next();
            return strings(rows.getArray(1));
        }
    }

    private Set<String> distinctValues(Connection connection, SourceColumn column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT list(DISTINCT " + Sql.id(column.name()) + ") FROM "
                     + Sql.id(table.name()))) {
            rows.next();
            return strings(rows.getArray(1));
        }
    }

    private void alter(Connection connection, String column, String type) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + Sql.id(table.name()) + " ALTER COLUMN " + Sql.id(column)
                    + " TYPE " + type);
        }
    }

    private static String enumType(Collection<String> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", ", ENUM, ")"));
    }

    // DuckDB orders VARCHAR by its UTF-8 bytes; String.compareTo orders by UTF-16 units, which differs above U+FFFF.
    static int compareAsDuckDb(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> strings(java.sql.Array array) throws SQLException {
        Set<String> values = new TreeSet<>(EnumColumns::compareAsDuckDb);
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                if (value != null) {
                    values.add(value.toString());
                }
            }
        }
        return values;
    }
}
