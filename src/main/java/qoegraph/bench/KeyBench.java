package qoegraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import qoegraph.sql.ConnectionSource;

/**
 * What the ENUM keys of the lowCardinality columns buy, in plain DuckDB: the peer comparison's grouped queries over
 * two copies of the ingested sessions table in a database file of their own, written the same way, one as ingested
 * (isp and browser ENUMs), one with those columns as VARCHAR (as ingest stored them before), run interleaved in
 * one process on kept statements.
 */
final class KeyBench {

    private static final String DATABASE = "_bench_keys";
    static final String ENUM_COPY = DATABASE + ".sessions_enum";
    static final String TEXT_COPY = DATABASE + ".sessions_text";

    /** The peer comparison's queries (a), (b), (c), and the 53 M-row group-by of the targets (stream x ISP x browser). */
    static final List<Query> QUERIES = List.of(
            new Query("(a) count, sum p2p, sum cdn by ISP x browser",
                    "SELECT isp, browser, count(*), sum(p2p), sum(cdn) FROM %s GROUP BY isp, browser"),
            new Query("(b) the same, connected viewers of stream 7",
                    "SELECT isp, browser, count(*), sum(p2p), sum(cdn) FROM %s WHERE connected AND stream = 7"
                            + " GROUP BY isp, browser"),
            new Query("(c) totals", "SELECT count(*), sum(p2p), sum(cdn) FROM %s"),
            new Query("count and P2P share by stream x ISP x browser",
                    "SELECT stream, isp, browser, count(*), sum(p2p) / sum(coalesce(p2p, 0) + coalesce(cdn, 0))"
                            + " FROM %s GROUP BY stream, isp, browser"));

    record Query(String name, String sql) {
        String on(String table) {
            return String.format(sql, table);
        }
    }

    /** One query's times on the table as ingested (ENUM keys) and on the copy with text keys. */
    record Row(String name, String keyType, Latencies enumKeys, Latencies textKeys) {
    }

    private final ConnectionSource duckdb;
    private final Path file;
    private final BenchOptions options;
    private final Consumer<String> log;

    /** @param file where the copies go (deleted afterwards) */
    KeyBench(ConnectionSource duckdb, Path file, BenchOptions options, Consumer<String> log) {
        this.duckdb = duckdb;
        this.file = file;
        this.options = options;
        this.log = log;
    }

    List<Row> run() throws Exception {
        String keyType;
        Files.deleteIfExists(file);
        try (Connection connection = duckdb.open(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT data_type FROM duckdb_columns()"
                    + " WHERE database_name = current_database() AND table_name = 'sessions' AND column_name = 'isp'")) {
                keyType = rows.next() ? rows.getString(1) : "?";
            }
            statement.execute("ATTACH '" + file.toAbsolutePath().toString().replace("'", "''") + "' AS " + DATABASE);
            statement.execute("CREATE TABLE " + ENUM_COPY + " AS SELECT * FROM sessions");
            statement.execute("CREATE TABLE " + TEXT_COPY + " AS SELECT * REPLACE (isp::VARCHAR AS isp,"
                    + " browser::VARCHAR AS browser) FROM sessions");
            statement.execute("CHECKPOINT " + DATABASE);
        }
        List<Row> rows = new ArrayList<>();
        try (JdbcTimer jdbc = new JdbcTimer(duckdb)) {
            for (Query query : QUERIES) {
                List<Long> enumKeys = new ArrayList<>();
                List<Long> textKeys = new ArrayList<>();
                long budget = System.nanoTime() + 2 * BenchOptions.QUERY_BUDGET.toNanos();
                for (int run = 0; run < options.warmups() + options.runs(); run++) {
                    long e = jdbc.timeKept(query.on(ENUM_COPY), List.of());
                    long t = jdbc.timeKept(query.on(TEXT_COPY), List.of());
                    if (run >= options.warmups()) {
                        enumKeys.add(e);
                        textKeys.add(t);
                    }
                    if (System.nanoTime() > budget && enumKeys.size() >= BenchOptions.MIN_RUNS) {
                        break;
                    }
                }
                Row row = new Row(query.name(), keyType.startsWith("ENUM") ? "ENUM" : keyType, Latencies.of(enumKeys),
                        Latencies.of(textKeys));
                log.accept(String.format("%s: %s keys p50 %.2f ms, VARCHAR keys p50 %.2f ms", row.name(), row.keyType(),
                        row.enumKeys().p50(), row.textKeys().p50()));
                rows.add(row);
            }
        } finally {
            try (Connection connection = duckdb.open(); Statement statement = connection.createStatement()) {
                statement.execute("DETACH " + DATABASE);
            } catch (SQLException e) {
                log.accept("could not detach " + DATABASE + ": " + e.getMessage());
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        }
        return rows;
    }
}
