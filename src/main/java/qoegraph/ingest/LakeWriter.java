package qoegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors the ingested rows into a lake folder, file by file, for an engine that reads Parquet there (Trino's Hive
 * connector): the rows of ingested file {@code n} of table {@code t} are {@code <lake>/t/file-n.parquet}. DuckDB writes
 * each under a hidden name (Hive skips names starting with a dot) and a rename in the same folder shows it whole:
 * a reader lists the file with all its rows or not at all. Files already there are kept, so a sync after every
 * ingest, and at every start, writes only what is new; rejects and the ingest log stay in DuckDB's bookkeeping.
 */
public final class LakeWriter {
    /** The lake file of one ingested file. */
    public static final String FILE_PREFIX = "file-";
    private static final String TEXT = "VARCHAR";

    private final Path lake;

    public LakeWriter(Path lake) {
        this.lake = lake.toAbsolutePath().normalize();
    }

    public Path lake() {
        return lake;
    }

    /** The folder of a table's files. */
    public Path folder(String table) {
        return lake.resolve(table);
    }

    /** Writes every ingested file's rows that the lake lacks; returns how many files it wrote. */
    public int sync(Connection duckdb) throws SQLException {
        int written = 0;
        for (Map.Entry<Integer, String> file : ingestedFiles(duckdb).entrySet()) {
            Path target = folder(file.getValue()).resolve(FILE_PREFIX + file.getKey() + ".parquet");
            if (!Files.exists(target)) {
                write(duckdb, file.getValue(), file.getKey(), target);
                written++;
            }
        }
        return written;
    }

    private static Map<Integer, String> ingestedFiles(Connection duckdb) throws SQLException {
        Map<Integer, String> files = new LinkedHashMap<>();
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery("SELECT file_id, table_name FROM "
                + Bookkeeping.FILES + " ORDER BY file_id")) {
            while (rs.next()) {
                files.put(rs.getInt(1), rs.getString(2));
            }
        }
        return files;
    }

    private static void write(Connection duckdb, String table, int fileId, Path target) throws SQLException {
        Path hidden = target.resolveSibling("." + target.getFileName() + ".writing");
        try {
            Files.createDirectories(target.getParent());
            try (Statement s = duckdb.createStatement()) {
                s.execute(copySql(duckdb, table, fileId, hidden));
            }
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SQLException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(hidden);
            } catch (IOException e) {
                // a leftover hidden file is invisible to readers and rewritten next time
            }
        }
    }

    /**
     * The COPY of one ingested file's rows. A lowCardinality column (a DuckDB ENUM, see {@link EnumColumns}) is
     * written as plain text: Parquet readers such as Trino's know strings, and an ENUM widened later would
     * otherwise give files of one table different types.
     */
    static String copySql(Connection duckdb, String table, int fileId, Path target) throws SQLException {
        List<String> select = new ArrayList<>();
        for (String[] column : duckdbColumns(duckdb, table)) {
            String name = Sql.id(column[0]);
            select.add(EnumColumns.isEnum(column[1]) ? name + "::" + TEXT + " AS " + name : name);
        }
        return "COPY (SELECT " + String.join(", ", select) + " FROM " + Sql.id(table) + " WHERE _file_id = " + fileId
                + ") TO " + Sql.literal(target.toString()) + " (FORMAT parquet)";
    }

    /** A table's columns and their types, in order, as the lake's files hold them: DuckDB's, ENUMs as VARCHAR. */
    public static List<String[]> columns(Connection duckdb, String table) throws SQLException {
        List<String[]> columns = duckdbColumns(duckdb, table);
        columns.replaceAll(c -> EnumColumns.isEnum(c[1]) ? new String[] {c[0], TEXT} : c);
        return columns;
    }

    private static List<String[]> duckdbColumns(Connection duckdb, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM"
                + " information_schema.columns WHERE table_schema = 'main' AND table_name = " + Sql.literal(table)
                + " ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return columns;
    }
}
