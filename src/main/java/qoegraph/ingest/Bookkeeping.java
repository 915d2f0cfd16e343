package qoegraph.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The tables that record what was ingested: one {@code _ingest_files} row per file (the catalog reads it)
 * and one {@code _rejects} row per line that was not loaded. The UNIQUE sha256 is what makes re-ingest
 * idempotent even if two ingests race.
 */
final class Bookkeeping {

    static final String FILES = "_ingest_files";
    static final String REJECTS = "_rejects";
    private static final String SEQUENCE = "_ingest_file_id_seq";

    static final List<String> DDL = List.of(
            "CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE + " START 1",
            "CREATE TABLE IF NOT EXISTS " + FILES + " (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL,"
                    + " sha256 VARCHAR NOT NULL UNIQUE, table_name VARCHAR NOT NULL, lines_read BIGINT, loaded BIGINT,"
                    + " rejected BIGINT, incomplete BIGINT, ingested_at TIMESTAMPTZ, millis BIGINT)",
            "CREATE TABLE IF NOT EXISTS " + REJECTS + " (file_id INTEGER, line BIGINT, raw VARCHAR, reason VARCHAR)");

    /** An earlier file with the same content. */
    record Earlier(int fileId, String path) {
    }

    /** The _ingest_files row of a file, written last in its transaction. */
    record FileRow(int fileId, String path, String sha256, String table, long linesRead, long loaded,
                   long rejected, long incomplete, long millis) {
    }

    private Bookkeeping() {
    }

    /**
     * What the ingested data is, in a few characters: the files ingested so far. Anything built from the tables
     * (a rollup) and recorded with this stamp is still current while the stamp is the same.
     */
    static String stamp(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*),"
                + " coalesce(max(file_id), 0), coalesce(sum(loaded), 0) FROM " + FILES)) {
            rs.next();
            return "files=" + rs.getLong(1) + ";last=" + rs.getLong(2) + ";rows=" + rs.getLong(3);
        }
    }

    static Optional<Earlier> bySha256(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file_id, path FROM " + FILES + " WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Earlier(rows.getInt(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    static boolean pathSeen(Connection connection, String path) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM " + FILES + " WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    static int nextFileId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT nextval('" + SEQUENCE + "')")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static void record(Connection connection, FileRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + FILES
                + " (file_id, path, sha256, table_name, lines_read, loaded, rejected, incomplete, ingested_at, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, ?)")) {
            insert.setInt(1, row.fileId());
            insert.setString(2, row.path());
            insert.setString(3, row.sha256());
            insert.setString(4, row.table());
            insert.setLong(5, row.linesRead());
            insert.setLong(6, row.loaded());
            insert.setLong(7, row.rejected());
            insert.setLong(8, row.incomplete());
            insert.setLong(9, row.millis());
            insert.executeUpdate();
        }
    }
}
