package qoegraph.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves the lines DuckDB rejected (its reject table, one row per error) into {@code _rejects}, one row per
 * line with the physical line number, the raw text and every distinct reason; adds the lines DuckDB skipped
 * silently (blank lines) and rows refused after the read.
 */
final class Rejects {

    static final String EMPTY_LINE = "empty line";
    private static final int MAX_RAW = 4096;
    private static final String SHIFTS = "_ingest_line_shift";

    private final Connection connection;
    private final int fileId;

    Rejects(Connection connection, int fileId) {
        this.connection = connection;
        this.fileId = fileId;
    }

    /** DuckDB appends to existing reject tables, so each read starts from dropped ones. */
    static void dropDuckDbTables(Connection connection, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "_errors");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "_scans");
        }
    }

    /** DuckDB line numbers with at least one reject. */
    static BitSet duckDbLines(Connection connection) throws SQLException {
        BitSet lines = new BitSet();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT line FROM " + CsvSql.REJECT_ERRORS)) {
            while (rows.next()) {
                lines.set(Math.toIntExact(rows.getLong(1)));
            }
        }
        return lines;
    }

    /** The error types DuckDB gave one line, and that line's text without line ends. */
    record LineErrors(Set<String> types, String raw) {
    }

    static Optional<LineErrors> duckDbErrors(Connection connection, long line) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT error_type,"
                + " regexp_replace(regexp_replace(csv_line, '^[\\r\\n]+', ''), '[\\r\\n]+$', '')"
                + " FROM " + CsvSql.REJECT_ERRORS + " WHERE line = ?")) {
            select.setLong(1, line);
            Set<String> types = new TreeSet<>();
            String raw = null;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                    raw = rows.getString(2);
                }
            }
            return raw == null ? Optional.empty() : Optional.of(new LineErrors(types, raw));
        }
    }

    /** Copies DuckDB's rejects except {@code skipLine} (a cut-off line that was loaded after all). */
    void copyDuckDbRejects(LineMap lineMap, long skipLine) throws SQLException {
        String shift = lineMap.isIdentity() ? "0" : "coalesce(s.shift, 0)";
        String join = lineMap.isIdentity() ? "" : " ASOF LEFT JOIN " + SHIFTS + " AS s ON e.line > s.line";
        if (!lineMap.isIdentity()) {
            writeShifts(lineMap);
        }
        // One row per line: DuckDB reports one error per bad column, and for a short line one per missing
        // column ("Found: 2", "Found: 3", ... as it pads), of which the first gives the real count.
        String perType = "SELECT line, error_type, any_value(csv_line) AS csv_line,"
                + " CASE WHEN error_type = 'MISSING COLUMNS' THEN arg_min(error_message, column_idx)"
                + " ELSE string_agg(error_message, '; ' ORDER BY column_idx) END AS message"
                + " FROM " + CsvSql.REJECT_ERRORS + " WHERE line <> " + skipLine + " GROUP BY line, error_type";
        String perLine = "SELECT line, any_value(csv_line) AS csv_line,"
                + " string_agg(error_type || ': ' || message, '; ' ORDER BY error_type) AS reason"
                + " FROM (" + perType + ") GROUP BY line";
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + Bookkeeping.REJECTS + " (file_id, line, raw, reason) SELECT "
                    + fileId + ", e.line + " + shift + ", " + raw("e.csv_line") + ", e.reason FROM (" + perLine
                    + ") AS e" + join + " ORDER BY e.line");
            statement.execute("DROP TABLE IF EXISTS " + SHIFTS);
        }
    }

    void addBlankLines(BitSet blank, LineMap lineMap) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (int line = blank.nextSetBit(0); line >= 0; line = blank.nextSetBit(line + 1)) {
                values.append(values.length() == 0 ? "" : ",")
                        .append('(').append(fileId).append(',').append(lineMap.physical(line)).append(",'','")
                        .append(EMPTY_LINE).append("')");
                if (values.length() > 100_000 || blank.nextSetBit(line + 1) < 0) {
                    statement.execute("INSERT INTO " + Bookkeeping.REJECTS + " VALUES " + values);
                    values.setLength(0);
                }
            }
        }
    }

    void add(long physicalLine, String raw, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + Bookkeeping.REJECTS + " (file_id, line, raw, reason) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, fileId);
            insert.setLong(2, physicalLine);
            insert.setString(3, truncate(raw));
            insert.setString(4, reason);
            insert.executeUpdate();
        }
    }

    private void writeShifts(LineMap lineMap) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + SHIFTS + " (line BIGINT, shift BIGINT)");
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < lineMap.size(); i++) {
                values.append(values.length() == 0 ? "" : ",")
                        .append('(').append(lineMap.duckLine(i)).append(',').append(lineMap.shiftAfter(i)).append(')');
                if (values.length() > 100_000 || i == lineMap.size() - 1) {
                    statement.execute("INSERT INTO " + SHIFTS + " VALUES " + values);
                    values.setLength(0);
                }
            }
        }
    }

    // DuckDB's csv_line can carry the previous line end in front; an unterminated quote can make it the
    // rest of the file, so it is capped.
    private static String raw(String expression) {
        String trimmed = "regexp_replace(regexp_replace(" + expression + ", '^[\\r\\n]+', ''), '[\\r\\n]+$', '')";
        return "CASE WHEN length(" + trimmed + ") > " + MAX_RAW + " THEN left(" + trimmed + ", " + MAX_RAW
                + ") || ' [truncated]' ELSE " + trimmed + " END";
    }

    private static String truncate(String raw) {
        return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + " [truncated]" : raw;
    }
}
