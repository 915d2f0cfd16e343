package qoegraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;

/** A real DuckDB file database in a temporary directory, with the project's sources.yml and an Ingester. */
final class TestDb implements AutoCloseable {

    static final SourceTables SOURCES = SourceTables.load(Path.of("queries/model/sources.yml"));
    static final String SESSIONS_HEADER = "#stream,isp,browser,connected,p2p,cdn";

    final Path dir;
    final Path file;
    final List<String> progress = new ArrayList<>();
    Connection root;
    Ingester ingester;

    TestDb(Path dir) {
        this(dir, dir.resolve("test.duckdb"));
    }

    TestDb(Path dir, Path database) {
        this.dir = dir;
        this.file = database;
        open();
    }

    void open() {
        try {
            root = DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ingester = new Ingester(root, SOURCES, progress::add);
        ingester.ensureSchema();
    }

    void reopen() {
        close();
        open();
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    IngestResult ingestOne(Path path) {
        List<IngestResult> files = ingester.ingest(path).files();
        if (files.size() != 1) {
            throw new AssertionError("expected one file, got " + files);
        }
        return files.get(0);
    }

    Path write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] content) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            return Files.write(path, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path gzip(String name, byte[] content) {
        Path path = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return path;
    }

    long count(String sql) {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    /** Every row of a query, each value as DuckDB's JDBC getString gives it (null stays null). */
    List<List<String>> rows(String sql) {
        try (Statement statement = root.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Statement statement = root.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    record Reject(long line, String raw, String reason) {
    }

    List<Reject> rejects(Path source) {
        return rows("SELECT r.line, r.raw, r.reason FROM _rejects r JOIN _ingest_files f USING (file_id)"
                + " WHERE f.path = '" + source.toAbsolutePath() + "' ORDER BY r.line").stream()
                .map(r -> new Reject(Long.parseLong(r.get(0)), r.get(1), r.get(2))).toList();
    }

    /** The state a failed ingest must leave unchanged: row counts of every table, bookkeeping included. */
    String fingerprint() {
        StringBuilder counts = new StringBuilder();
        for (SourceTable table : SOURCES.all()) {
            counts.append(table.name()).append('=').append(count("SELECT count(*) FROM " + table.name())).append(' ');
        }
        counts.append("files=").append(count("SELECT count(*) FROM _ingest_files"));
        counts.append(" rejects=").append(count("SELECT count(*) FROM _rejects"));
        return counts.toString();
    }

    static String sessions(String... lines) {
        return SESSIONS_HEADER + "\n" + String.join("\n", lines);
    }
}
