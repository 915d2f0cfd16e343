package qoegraph.catalog;

import qoegraph.sql.ConnectionSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what has been ingested from the bookkeeping tables the ingest layer writes
 * ({@code _ingest_files}, {@code _rejects}). Plain SQL: nothing here depends on DuckDB's dialect.
 */
public final class CatalogReader {

    private static final String FILES = "SELECT file_id, path, sha256, table_name, lines_read, loaded, rejected,"
            + " incomplete, ingested_at, millis FROM _ingest_files ORDER BY file_id";
    private static final String REJECTS = "SELECT file_id, line, raw, reason FROM _rejects"
            + " WHERE file_id = ? ORDER BY line LIMIT ?";
    private static final String DATA_TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ESCAPE '\\'"
            + " ORDER BY table_name";

    private final ConnectionSource connections;

    public CatalogReader(ConnectionSource connections) {
        this.connections = connections;
    }

    public List<FileEntry> files() {
        try (Connection c = connections.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FILES)) {
            List<FileEntry> files = new ArrayList<>();
            while (rs.next()) {
                files.add(new FileEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getObject(9, OffsetDateTime.class), rs.getLong(10)));
            }
            return files;
        } catch (SQLException e) {
            throw new CatalogException("cannot read the ingest log", e);
        }
    }

    public List<RejectEntry> rejects(int fileId, int limit) {
        try (Connection c = connections.open(); PreparedStatement s = c.prepareStatement(REJECTS)) {
            s.setInt(1, fileId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<RejectEntry> rejects = new ArrayList<>();
                while (rs.next()) {
                    rejects.add(new RejectEntry(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
                return rejects;
            }
        } catch (SQLException e) {
            throw new CatalogException("cannot read the rejected lines", e);
        }
    }

    /** Every data table, with its row count now and the totals of the files ingested into it. */
    public List<TableEntry> tables() {
        Map<String, List<FileEntry>> filesByTable = new LinkedHashMap<>();
        for (FileEntry f : files()) {
            filesByTable.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(f);
        }
        List<TableEntry> tables = new ArrayList<>();
        for (String table : dataTables()) {
            tables.add(entry(table, rowCount(table), filesByTable.getOrDefault(table, List.of())));
        }
        return tables;
    }

    private static TableEntry entry(String table, long rows, List<FileEntry> files) {
        OffsetDateTime last = files.stream().map(FileEntry::ingestedAt)
                .max(OffsetDateTime::compareTo).orElse(null);
        return new TableEntry(table, rows, files.size(),
                files.stream().mapToLong(FileEntry::linesRead).sum(),
                files.stream().mapToLong(FileEntry::loaded).sum(),
                files.stream().mapToLong(FileEntry::rejected).sum(),
                files.stream().mapToLong(FileEntry::incomplete).sum(), last);
    }

    private List<String> dataTables() {
        try (Connection c = connections.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(DATA_TABLES)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new CatalogException("cannot list the tables", e);
        }
    }

    private long rowCount(String table) {
        // table comes from information_schema, never from a request; quoted all the same
        String sql = "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"";
        try (Connection c = connections.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CatalogException("cannot count the rows of " + table, e);
        }
    }
}
