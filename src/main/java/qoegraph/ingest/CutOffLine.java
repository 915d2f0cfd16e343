package qoegraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import qoegraph.model.SourceTable;

/**
 * A file cut off inside its last line (no line end at EOF) may lack the trailing separator as well, as in
 * {@code 9,BTP,EarthWolf,true,6100.582815}. DuckDB rejects that line as MISSING COLUMNS; this loads it with
 * the missing last value as NULL (counted incomplete). Only the last line qualifies, only without a line
 * end, only one field short and only when that is its sole error: a short line elsewhere stays a reject.
 */
final class CutOffLine {

    private static final String MISSING_COLUMNS = "MISSING COLUMNS";
    private static final String REPAIR_REJECTS = "_ingest_repair";

    private CutOffLine() {
    }

    /** Loads the cut-off line if it qualifies; returns its DuckDB line number, or 0 if nothing was loaded. */
    static long load(Connection connection, SourceTable table, DerivedColumns derived, int fileId,
                     ScanResult scan, BitSet duckDbRejects) throws SQLException {
        long line = scan.lastLine();
        boolean candidate = line > 0 && !scan.endsWithNewline() && duckDbRejects.get((int) line)
                && scan.lastFields() == table.columns().size() - 1;
        if (!candidate) {
            return 0;
        }
        Optional<Rejects.LineErrors> errors = Rejects.duckDbErrors(connection, line);
        if (errors.isEmpty() || !errors.get().types().equals(Set.of(MISSING_COLUMNS))) {
            return 0;
        }
        return insertPadded(connection, table, derived, fileId, errors.get().raw()) == 1 ? line : 0;
    }

    // Read through DuckDB again (same parsing and casts) from a one-line file with the separator restored.
    private static int insertPadded(Connection connection, SourceTable table, DerivedColumns derived, int fileId,
                                    String raw) throws SQLException {
        Path padded = null;
        try {
            padded = Files.createTempFile("qoegraph-ingest-", ".csv");
            Files.writeString(padded, table.header() + "\n" + raw + ",\n", StandardCharsets.UTF_8);
            // DuckDB rejected this line, so the load did not check its values against the ENUM columns
            EnumColumns enums = EnumColumns.of(table);
            if (!enums.isEmpty()) {
                enums.widen(connection, enums.valuesIn(connection, CsvFile.of(padded)));
            }
            Rejects.dropDuckDbTables(connection, REPAIR_REJECTS);
            String source = CsvSql.readCsv(table, padded, false, REPAIR_REJECTS);
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(CsvSql.insert(table, derived, fileId, source, null));
            }
        } catch (IOException e) {
            throw new SQLException("cannot write a temporary file for the cut-off last line: " + e, e);
        } finally {
            TempFiles.deleteQuietly(padded);
        }
    }
}
