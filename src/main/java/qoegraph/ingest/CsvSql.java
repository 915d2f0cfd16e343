package qoegraph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import qoegraph.model.SourceColumn;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;

/**
 * The SQL text of a load: DuckDB's read_csv with every column declared (nothing sniffed) and bad lines kept
 * in reject tables, and the single INSERT ... SELECT that converts pgarray text, stamps the file id and
 * computes derived columns on the way in.
 */
final class CsvSql {

    static final String REJECTS = "_ingest_reject";
    static final String REJECT_ERRORS = REJECTS + "_errors";
    static final String REJECT_SCANS = REJECTS + "_scans";
    static final String STAGE = "_ingest_stage";
    static final String FILE_ID = SourceTables.FILE_ID_COLUMN;

    private CsvSql() {
    }

    // PostgreSQL's COPY CSV writes NULL as an unquoted empty field and an empty string as "", hence
    // allow_quoted_nulls = false. strict_mode stays on: off, DuckDB silently repairs some broken lines.
    static String readCsv(SourceTable table, Path file, boolean gzip) {
        return readCsv(table, file, gzip, REJECTS);
    }

    /** read_csv keeping its rejects in the temporary tables {@code rejects}_errors and {@code rejects}_scans. */
    static String readCsv(SourceTable table, Path file, boolean gzip, String rejects) {
        String columns = table.columns().stream()
                .map(c -> Sql.literal(c.name()) + ": " + Sql.literal(readType(c)))
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + Sql.literal(file.toAbsolutePath().toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'"
                + ", allow_quoted_nulls = false, strict_mode = true, null_padding = false"
                + ", compression = " + (gzip ? "'gzip'" : "'none'")
                + ", columns = " + columns
                + ", store_rejects = true, rejects_table = " + Sql.literal(rejects + "_errors")
                + ", rejects_scan = " + Sql.literal(rejects + "_scans") + ")";
    }

    /** The type DuckDB's CSV reader reads a column as: pgarray text stays VARCHAR until the insert. */
    static String readType(SourceColumn column) {
        return column.pgArray() ? "VARCHAR" : column.type();
    }

    /** INSERT of the rows of {@code source} (aliased src), optionally filtered by {@code where}. */
    static String insert(SourceTable table, DerivedColumns derived, int fileId, String source, String where) {
        List<String> targets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (SourceColumn column : table.columns()) {
            String value = "src." + Sql.id(column.name());
            targets.add(Sql.id(column.name()));
            values.add(column.pgArray() ? PgArray.convert(value, column.type()) : value);
        }
        targets.add(FILE_ID);
        values.add(Integer.toString(fileId));
        for (DerivedColumns.Column column : derived.columns(table)) {
            targets.add(Sql.id(column.name()));
            values.add(column.select());
        }
        return "INSERT INTO " + Sql.id(table.name()) + " (" + String.join(", ", targets) + ") SELECT "
                + String.join(", ", values) + " FROM " + source + " AS src" + derived.joins(table)
                + (where == null ? "" : " WHERE " + where);
    }

    /** The condition that every pgarray column of a staged row converts. */
    static String convertible(SourceTable table) {
        return table.columns().stream()
                .filter(SourceColumn::pgArray)
                .map(c -> PgArray.convertible("src." + Sql.id(c.name()), c.type()))
                .collect(Collectors.joining(" AND "));
    }

    static String createTable(SourceTable table, DerivedColumns derived) {
        List<String> columns = new ArrayList<>();
        table.columns().forEach(c -> columns.add(Sql.id(c.name()) + " " + c.type()));
        columns.add(FILE_ID + " INTEGER");
        derived.columns(table).forEach(c -> columns.add(Sql.id(c.name()) + " " + c.type()));
        return "CREATE TABLE IF NOT EXISTS " + Sql.id(table.name()) + " (" + String.join(", ", columns) + ")";
    }
}
