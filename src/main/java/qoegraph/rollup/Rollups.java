package qoegraph.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.time.Duration;
import qoegraph.ingest.Ingester;
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
 * planner only once built. An ingest {@link #withdraw withdraws} the rollups before it starts, so no query
 * reads a rollup older than its base table; the rebuild after it offers them again.
 */
public final class Rollups implements RollupCatalog {
    private final List<RollupDefinition> definitions;
    private final Map<String, RollupStatus> built = new ConcurrentHashMap<>();
    private final Consumer<String> log;
    private final Model model;
    private volatile boolean withdrawn;

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
        if (withdrawn) {
            return out;
        }
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

    /**
     * Builds every rollup, one after the other, and offers them to the planner again; returns their statuses.
     * When a build fails the rollups stay withdrawn (if they were): queries read the base tables.
     */
    public synchronized List<RollupStatus> refresh(Connection connection) throws SQLException {
        return refresh(connection, false);
    }

    /**
     * As {@link #refresh}, but keeps a rollup table built from the same definition over the same ingested files
     * (see {@link RollupBuilds}): a restart on unchanged data rebuilds nothing.
     */
    public synchronized List<RollupStatus> refreshChanged(Connection connection) throws SQLException {
        return refresh(connection, true);
    }

    private List<RollupStatus> refresh(Connection connection, boolean reuse) throws SQLException {
        RollupBuilds.ensure(connection);
        String stamp = dataStamp(connection);
        List<RollupStatus> out = new ArrayList<>();
        for (RollupDefinition d : definitions) {
            Optional<RollupStatus> kept = reuse && stamp != null ? reusable(connection, d, stamp) : Optional.empty();
            out.add(kept.isPresent() ? kept.get() : build(connection, d, stamp));
        }
        withdrawn = false;
        return out;
    }

    private Optional<RollupStatus> reusable(Connection connection, RollupDefinition d, String stamp) throws SQLException {
        Optional<RollupBuilds.Build> build = RollupBuilds.find(connection, d.rollup().name());
        boolean current = build.isPresent() && build.get().definition().equals(RollupBuilds.definition(d))
                && build.get().dataStamp().equals(stamp) && exists(connection, d.rollup().table());
        if (!current) {
            return Optional.empty();
        }
        RollupStatus status = status(connection, d.rollup(), Instant.ofEpochMilli(build.get().builtAtMillis()),
                build.get().buildMillis());
        built.put(d.rollup().name(), status);
        log.accept("rollup " + d.rollup().name() + ": " + status.rows() + " rows, kept (same definition and data)");
        return Optional.of(status);
    }

    /** The ingested files' stamp; null when the database has no ingest bookkeeping (nothing is reused then). */
    private static String dataStamp(Connection connection) {
        try {
            return Ingester.dataStamp(connection);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Until the next {@link #refresh} (or {@link #reinstate}) the planner gets no rollup: the base data is changing. */
    public void withdraw() {
        withdrawn = true;
    }

    /** Offers the rollups again without a rebuild, when the change they were withdrawn for did not happen. */
    public List<RollupStatus> reinstate() {
        withdrawn = false;
        return statuses();
    }

    /** True between {@link #withdraw} and the rebuild or reinstatement that follows. */
    public boolean withdrawn() {
        return withdrawn;
    }

    private RollupStatus build(Connection connection, RollupDefinition d, String stamp) throws SQLException {
        long started = System.nanoTime();
        Instant builtAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as recorded
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
                RollupBuilds.record(connection, r.name(), new RollupBuilds.Build(RollupBuilds.definition(d),
                        stamp == null ? "" : stamp, builtAt.toEpochMilli(), (System.nanoTime() - started) / 1_000_000));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        RollupStatus status = status(connection, r, builtAt, millis);
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
