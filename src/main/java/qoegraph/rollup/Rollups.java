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
import qoegraph.plan.BuiltRollups;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.plan.RollupDeclaration;
import qoegraph.query.Granularity;
import qoegraph.query.Query;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlFragment;
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
public final class Rollups implements BuiltRollups {
    private final List<RollupDefinition> definitions;
    private final Map<String, RollupStatus> built = new ConcurrentHashMap<>();
    private final Consumer<String> log;
    private final Model model;
    private final SqlDialect dialect;
    private volatile boolean withdrawn;

    public Rollups(List<RollupDefinition> definitions, SqlDialect dialect, Consumer<String> log) {
        this(definitions, null, dialect, log);
    }

    /**
     * @param model when given, each build also checks the rollup's grand totals of every kept metric against
     *        the base table's (one scan of the base table): a SELECT whose aggregates drift from the model's
     *        expressions fails its build instead of answering differently
     */
    public Rollups(List<RollupDefinition> definitions, Model model, SqlDialect dialect, Consumer<String> log) {
        this.definitions = List.copyOf(definitions);
        this.model = model;
        this.dialect = dialect;
        this.log = log;
    }

    /** No rollups: every query reads its base table. */
    public static Rollups none() {
        return new Rollups(List.of(), null, line -> { });
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
        return refresh(connection, connection, false);
    }

    /**
     * As {@link #refresh(Connection)}, with the tables built on the engine's {@code connection} and the builds
     * recorded beside the ingest's bookkeeping on {@code store} (the embedded DuckDB) when the engine is another.
     */
    public synchronized List<RollupStatus> refresh(Connection connection, Connection store) throws SQLException {
        return refresh(connection, store, false);
    }

    /**
     * As {@link #refresh}, but keeps a rollup table built from the same definition over the same ingested files
     * (see {@link RollupBuilds}): a restart on unchanged data rebuilds nothing.
     */
    public synchronized List<RollupStatus> refreshChanged(Connection connection) throws SQLException {
        return refresh(connection, connection, true);
    }

    /** As {@link #refreshChanged(Connection)}, on the engine's {@code connection} and the ingest's {@code store}. */
    public synchronized List<RollupStatus> refreshChanged(Connection connection, Connection store) throws SQLException {
        return refresh(connection, store, true);
    }

    private List<RollupStatus> refresh(Connection connection, Connection store, boolean reuse) throws SQLException {
        RollupBuilds.ensure(store);
        String stamp = dataStamp(store);
        List<RollupStatus> out = new ArrayList<>();
        for (RollupDefinition d : definitions) {
            Optional<RollupStatus> kept = reuse && stamp != null ? reusable(connection, store, d, stamp)
                    : Optional.empty();
            out.add(kept.isPresent() ? kept.get() : build(connection, store, d, stamp));
        }
        withdrawn = false;
        return out;
    }

    private Optional<RollupStatus> reusable(Connection connection, Connection store, RollupDefinition d, String stamp)
            throws SQLException {
        Optional<RollupBuilds.Build> build = RollupBuilds.find(store, d.rollup().name());
        boolean current = build.isPresent() && build.get().definition().equals(RollupBuilds.definition(d))
                && build.get().dataStamp().equals(stamp) && dialect.tableExists(connection, d.rollup().table());
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

    private RollupStatus build(Connection connection, Connection store, RollupDefinition d, String stamp)
            throws SQLException {
        long started = System.nanoTime();
        Instant builtAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as recorded
        RollupDeclaration r = d.rollup();
        String fresh = r.table() + "__new";
        boolean autoCommit = connection.getAutoCommit();
        try (Statement s = connection.createStatement()) {
            for (String statement : dialect.createTableAs(fresh, d.sql())) {
                s.execute(statement);
            }
            for (Map.Entry<String, Granularity> dim : r.dimensions().entrySet()) {
                if (dim.getValue() != null) {
                    checkTruncated(s, d, fresh, dim.getKey(), dim.getValue());
                }
            }
            if (model != null) {
                checkTotals(connection, s, d, fresh);
            }
            RollupBuilds.Build record = new RollupBuilds.Build(RollupBuilds.definition(d), stamp == null ? "" : stamp,
                    builtAt.toEpochMilli(), (System.nanoTime() - started) / 1_000_000);
            if (dialect.transactionalReplace() && store == connection) {
                connection.setAutoCommit(false);
                try {
                    dialect.replaceTable(connection, fresh, r.table());
                    RollupBuilds.record(connection, r.name(), record);
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } else {
                // no transaction spans both: recorded after the switch, so a crash between only rebuilds it
                dialect.replaceTable(connection, fresh, r.table());
                RollupBuilds.record(store, r.name(), record);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        RollupStatus status = status(connection, r, builtAt, millis);
        built.put(r.name(), status);
        log.accept("rollup " + r.name() + ": " + status.rows() + " rows in " + millis + " ms");
        return status;
    }

    private void checkTruncated(Statement s, RollupDefinition d, String table, String column, Granularity g)
            throws SQLException {
        String c = dialect.quote(column);
        String unit = g.name().toLowerCase(java.util.Locale.ROOT);
        long bad;
        try (ResultSet rs = s.executeQuery("SELECT count(*) AS bad FROM " + dialect.quote(table) + " WHERE " + c
                + " <> " + dialect.truncate(g, SqlFragment.text(c)).sql())) {
            rs.next();
            bad = rs.getLong(1);
        }
        if (bad > 0) {
            s.execute("DROP TABLE " + dialect.quote(table));
            throw new RollupException(List.of(d.file() + ":" + d.sqlLine() + ": column '" + column + "' is declared "
                    + unit + " but " + bad + " rows are not truncated to the " + unit + " (use date_trunc('" + unit
                    + "', ...) in UTC)"));
        }
    }

    /** The kept metrics' grand totals from the new table equal the base table's, or the build fails. */
    private void checkTotals(Connection connection, Statement s, RollupDefinition d, String freshTable)
            throws SQLException {
        RollupDeclaration r = d.rollup();
        RollupDeclaration fresh = new RollupDeclaration(r.name(), r.dataset(), freshTable, r.dimensions(), r.metrics());
        Query totals = Query.newQuery(r.dataset()).metrics(r.metrics().toArray(String[]::new)).build();
        SqlRunner runner = new SqlRunner(Duration.ofHours(1));
        Plan basePlan = new Planner(model).plan(totals);
        Plan rollupPlan = new Planner(model, dataset -> List.of(new Built(fresh, 0))).plan(totals);
        SelectCompiler compiler = new SelectCompiler(dialect);
        Map<String, Object> base = runner.run(connection, compiler.compile(basePlan)).rows().get(0);
        Map<String, Object> rolled = runner.run(connection, compiler.compile(rollupPlan)).rows().get(0);
        for (String metric : r.metrics()) {
            Object b = base.get(metric);
            Object a = rolled.get(metric);
            boolean same = b instanceof Double x && a instanceof Double y
                    ? x.equals(y) || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y))
                    : java.util.Objects.equals(b, a);
            if (!same) {
                s.execute("DROP TABLE " + dialect.quote(freshTable));
                throw new RollupException(List.of(d.file() + ":" + d.sqlLine() + ": metric '" + metric + "' totals "
                        + a + " from the rollup but " + b + " from the base table: its column does not aggregate"
                        + " the model's expression"));
            }
        }
    }

    private RollupStatus status(Connection connection, RollupDeclaration r, Instant builtAt, long millis) throws SQLException {
        long rows;
        Long bytes = null;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) AS n FROM " + dialect.quote(r.table()))) {
                rs.next();
                rows = rs.getLong(1);
            }
            Optional<String> size = dialect.tableBytes(r.table());
            if (size.isPresent()) {
                try (ResultSet rs = s.executeQuery(size.get())) {
                    if (rs.next()) {
                        bytes = rs.getLong(1);
                    }
                } catch (SQLException e) {
                    bytes = null;
                }
            }
        }
        return new RollupStatus(r, builtAt, rows, bytes, millis);
    }
}
