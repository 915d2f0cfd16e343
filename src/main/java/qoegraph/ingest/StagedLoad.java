package qoegraph.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import qoegraph.model.SourceColumn;
import qoegraph.model.SourceTable;

/**
 * The slow path, taken only when the single INSERT of a table with pgarray columns fails because a value is
 * not a valid array: the file is read into a temporary table (in file order: DuckDB preserves insertion
 * order), the rows that convert are
 * inserted and the others become rejects. DuckDB gives no line numbers for rows it read, so a refused row's
 * line comes from its position: the n-th staged row is the n-th record DuckDB neither rejected nor skipped.
 */
final class StagedLoad {

    /** A staged row that did not convert: its 0-based position among the rows read, and why. */
    record Refused(long ordinal, String reason) {
    }

    record Result(long loaded, List<Refused> refused) {
    }

    private StagedLoad() {
    }

    static Result run(Connection connection, SourceTable table, DerivedColumns derived, int fileId, CsvFile file)
            throws SQLException {
        Rejects.dropDuckDbTables(connection, CsvSql.REJECTS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + CsvSql.STAGE + " AS SELECT * FROM "
                    + CsvSql.readCsv(table, file.path(), file.gzip()));
            List<Refused> refused = refused(statement, table);
            long loaded = statement.executeUpdate(
                    CsvSql.insert(table, derived, fileId, CsvSql.STAGE, CsvSql.convertible(table)));
            statement.execute("DROP TABLE " + CsvSql.STAGE);
            return new Result(loaded, refused);
        }
    }

    /** DuckDB line numbers of the refused rows, given the lines DuckDB rejected or skipped. */
    static long[] duckLines(List<Refused> refused, long records, BitSet notRead) {
        long[] lines = new long[refused.size()];
        long ordinal = 0;
        int next = 0;
        for (long line = 2; line < records + 2 && next < lines.length; line++) {
            if (notRead.get((int) line)) {
                continue;
            }
            if (ordinal++ == refused.get(next).ordinal()) {
                lines[next++] = line;
            }
        }
        return lines;
    }

    private static List<Refused> refused(Statement statement, SourceTable table) throws SQLException {
        String reasons = table.columns().stream().filter(SourceColumn::pgArray)
                .map(c -> "CASE WHEN NOT " + PgArray.convertible("src." + Sql.id(c.name()), c.type())
                        + " THEN " + Sql.literal("CAST: column \"" + c.name() + "\" is not a PostgreSQL array of "
                        + c.type() + ": ") + " || src." + Sql.id(c.name()) + " END")
                .collect(Collectors.joining(", "));
        List<Refused> refused = new ArrayList<>();
        // Rows of a table created in the open transaction have rowids from a large offset up, in insert
        // (file) order, so the position is counted rather than read off the rowid.
        String positioned = "SELECT row_number() OVER (ORDER BY rowid) - 1 AS ordinal, * FROM " + CsvSql.STAGE;
        try (ResultSet rows = statement.executeQuery("SELECT ordinal, concat_ws('; ', " + reasons + ") FROM ("
                + positioned + ") AS src WHERE NOT (" + CsvSql.convertible(table) + ") ORDER BY ordinal")) {
            while (rows.next()) {
                refused.add(new Refused(rows.getLong(1), rows.getString(2)));
            }
        }
        return refused;
    }
}
