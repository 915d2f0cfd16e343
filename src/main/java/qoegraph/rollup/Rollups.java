package qoegraph.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.time.Duration;
import qoegraph.model.Model;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.plan.Rollup;
import qoegraph.plan.RollupCatalog;
import qoegraph.query.Granularity;
import qoegraph.query.Query;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlRunner;

/**
 * The rollups of {@code queries/rollups/}: builds them and tells the planner which are built.
 *
 * <p>A build never shows a half-built table: the SELECT runs into {@code _rollup_<name>__new}, the time
 * columns are checked to be truncated as declared, then one transaction drops the old table and renames
 * the new one. A query reads the old table or the new one (DuckDB's MVCC); a rollup is offered to the
 * planner only once built. Between an ingest's commit and the rebuild that follows it, queries that a rollup
 * serves still see the data of the previous build.
 */
public final class Rollups implements RollupCatalog {
    private final List<RollupDefinition> definitions;
    private final Map<String, RollupStatus> built = new ConcurrentHashMap<>();
    private final Consumer<String> log;
    private final Model model;

    public Rollups(List<RollupDefinition> definitions, Consumer<String> log) {
        this(definitions, null, log);
    }

    /**
     * @param model when given, each build also checks the rollup's grand totals of every kept metric against
     *        the base table's (one scan of the base table): a SELECT whose aggregates drift from the model's
     *        expressions fails its build instead of answering differently
     */
    public Rollups(List<RollupDefinition> definitions, Model model, Consumer<String> log) {
        this.definitions = List.copyOf(definitions);
        this.model = model;
        this.log = log;
    }

    /** No rollups: every query reads its base table. */
    public static Rollups none() {
        return new Rollups(List.of(), line -> { });
    }

    public List<RollupDefinition> definitions() {
        return definitions;
    }

    @Override
    public List<Built> built(String dataset) {
        List<Built> out = new ArrayList<>();
        for (RollupDefinition d : definitions) {
            RollupStatus s = built.get(d.rollup().name());
            if (s != null && d.rollup().dataset().equals(dataset)) {
                out.add(new Built(d.rollup(), s.rows()));
            }
        }
        return out;
    }

    /** Every rollup, built or not, in file order. */
    public List<RollupStatus> statuses() {
        return definitions.stream().map(d -> built.getOrDefault(d.rollup().name(),
                new RollupStatus(d.rollup(), null, 0, null, 0))).toList();
    }

    /** Builds every rollup, one after the other; returns their statuses. */
    public synchronized List<RollupStatus> refresh(Connection connection) throws SQLException {
        RollupStamps.ensureTable(connection);
        List<RollupStatus> out = new ArrayList<>();
        for (RollupDefinition d : definitions) {
            out.add(build(connection, d, null));
        }
        return out;
    }

    /**
     * For a start on an existing database: keeps each rollup whose table was built by this SELECT on data with
     * this stamp (as recorded by a previous call), and builds the others.
     *
     * @param dataStamp names the ingested data exactly (e.g. from the ingested files' ids and hashes); data changed
     *        by other means than the ingester is not seen, so use {@link #refresh} after such changes
     */
    public synchronized List<RollupStatus> refreshStale(Connection connection, String dataStamp) throws SQLException {
        RollupStamps.ensureTable(connection);
        List<RollupStatus> out = new ArrayList<>();
        for (RollupDefinition d : definitions) {
            String stamp = RollupStamps.of(d.sql(), dataStamp);
            Rollup r = d.rollup();
            if (exists(connection, r.table()) && RollupStamps.read(connection, r.name()).filter(stamp::equals).isPresent()) {
                RollupStatus status = status(connection, r, Instant.now(), 0);
                built.put(r.name(), status);
                log.accept("rollup " + r.name() + ": " + status.rows() + " rows, kept (same SELECT, same data)");
                out.add(status);
            } else {
                out.add(build(connection, d, stamp));
            }
        }
        return out;
    }

    /** @param stamp recorded with the new table in its swap; null when the data is not known by a stamp */
    private RollupStatus build(Connection connection, RollupDefinition d, String stamp) throws SQLException {
        long started = System.nanoTime();
        Rollup r = d.rollup();
        String table = quote(r.table());
        String fresh = quote(r.table() + "__new");
        boolean autoCommit = connection.getAutoCommit();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + fresh + " AS " + d.sql());
            for (Map.Entry<String, Granularity> dim : r.dimensions().entrySet()) {
                if (dim.getValue() != null) {
                    checkTruncated(s, d, fresh, dim.getKey(), dim.getValue());
                }
            }
            if (model != null) {
                checkTotals(connection, s, d, r.table() + "__new");
            }
            connection.setAutoCommit(false);
            try {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("ALTER TABLE " + fresh + " RENAME TO " + table);
                RollupStamps.write(connection, r.name(), stamp);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        RollupStatus status = status(connection, r, Instant.now(), millis);
        built.put(r.name(), status);
        log.accept("rollup " + r.name() + ": " + status.rows() + " rows in " + millis + " ms");
        return status;
    }

    private static void checkTruncated(Statement s, RollupDefinition d, String table, String column, Granularity g)
            throws SQLException {
        String c = quote(column);
        String unit = g.name().toLowerCase(java.util.Locale.ROOT);
        long bad;
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + c + " <> date_trunc('" + unit
                + "', " + c + ")")) {
            rs.next();
            bad = rs.getLong(1);
        }
        if (bad > 0) {
            s.execute("DROP TABLE " + table);
            throw new RollupException(List.of(d.file() + ":" + d.sqlLine() + ": column '" + column + "' is declared "
                    + unit + " but " + bad + " rows are not truncated to the " + unit + " (use date_trunc('" + unit
                    + "', ...) in UTC)"));
        }
    }

    /** The kept metrics' grand totals from the new table equal the base table's, or the build fails. */
    private void checkTotals(Connection connection, Statement s, RollupDefinition d, String freshTable)
            throws SQLException {
        Rollup r = d.rollup();
        Rollup fresh = new Rollup(r.name(), r.dataset(), freshTable, r.dimensions(), r.metrics());
        Query totals = Query.newQuery(r.dataset()).metrics(r.metrics().toArray(String[]::new)).build();
        SqlRunner runner = new SqlRunner(Duration.ofHours(1));
        Plan basePlan = new Planner(model).plan(totals);
        Plan rollupPlan = new Planner(model, dataset -> List.of(new Built(fresh, 0))).plan(totals);
        Map<String, Object> base = runner.run(connection, new SelectCompiler().compile(basePlan)).rows().get(0);
        Map<String, Object> rolled = runner.run(connection, new SelectCompiler().compile(rollupPlan)).rows().get(0);
        for (String metric : r.metrics()) {
            Object b = base.get(metric);
            Object a = rolled.get(metric);
            boolean same = b instanceof Double x && a instanceof Double y
                    ? x.equals(y) || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y))
                    : java.util.Objects.equals(b, a);
            if (!same) {
                s.execute("DROP TABLE " + quote(freshTable));
                throw new RollupException(List.of(d.file() + ":" + d.sqlLine() + ": metric '" + metric + "' totals "
                        + a + " from the rollup but " + b + " from the base table: its column does not aggregate"
                        + " the model's expression"));
            }
        }
    }

    private static RollupStatus status(Connection connection, Rollup r, Instant builtAt, long millis) throws SQLException {
        long rows;
        Long bytes = null;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(r.table()))) {
                rs.next();
                rows = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT estimated_size FROM duckdb_tables() WHERE schema_name = 'main'"
                    + " AND table_name = '" + r.table().replace("'", "''") + "'")) {
                if (rs.next()) {
                    bytes = rs.getLong(1);
                }
            } catch (SQLException e) {
                bytes = null;
            }
        }
        return new RollupStatus(r, builtAt, rows, bytes, millis);
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '"
                        + table.replace("'", "''") + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
