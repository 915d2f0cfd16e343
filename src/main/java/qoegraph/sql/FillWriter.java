package qoegraph.sql;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qoegraph.plan.Fill;
import qoegraph.plan.Plan;
import qoegraph.plan.PlannedDimension;
import qoegraph.query.Granularity;

/**
 * Writes the CTEs of a plan's {@link Fill}: one relation of members per kind of dimension (a reference dataset's
 * groups, a time spine, a date part's cycle, the values seen), each with the values the groups have added, and the
 * filled groups: their cross product, left-joined to the groups on every dimension.
 *
 * <p>A spine steps from its lower to its upper bound by less than the shortest bucket of its granularity and puts
 * each step in its bucket, the way a row at that time is grouped (zone, offset changes and all): every bucket
 * between the two bounds gets at least one step, and no bucket outside them one.
 */
final class FillWriter {
    private final SqlDialect dialect;
    private final Plan plan;
    private final DimensionWriter dimensions;
    private final SelectCompiler compiler;
    /** The relation each dimension's members come from, by dimension index. */
    private final Map<Integer, String> relationOf = new LinkedHashMap<>();

    FillWriter(SqlDialect dialect, Plan plan, DimensionWriter dimensions, SelectCompiler compiler) {
        this.dialect = dialect;
        this.plan = plan;
        this.dimensions = dimensions;
        this.compiler = compiler;
    }

    /**
     * Appends {@code , "fm0" AS (...), ..., "<filled>" AS (...)} after the groups' CTE.
     *
     * @param metricColumns what the filled relation selects besides the dimensions (from {@code groups})
     * @param having a condition on the filled rows; null for none
     */
    void write(SqlBuilder sql, String groups, String filled, List<SqlFragment> metricColumns, SqlFragment having) {
        Fill fill = plan.fill();
        for (int k = 0; k < fill.members().size(); k++) {
            members(sql, groups, "fm" + k, fill.members().get(k));
        }
        for (int k = 0; k < fill.spines().size(); k++) {
            spine(sql, groups, "fs" + k, fill.spines().get(k));
        }
        for (int k = 0; k < fill.cycles().size(); k++) {
            Fill.Cycle cycle = fill.cycles().get(k);
            String column = SelectCompiler.col(cycle.dimension());
            cte(sql, "fy" + k, SqlFragment.text(dialect.integers(cycle.from(), cycle.to(), column)
                    + " UNION SELECT " + dialect.quote(column) + " FROM " + dialect.quote(groups)));
            relationOf.put(cycle.dimension(), "fy" + k);
        }
        for (int k = 0; k < fill.seen().size(); k++) {
            String column = SelectCompiler.col(fill.seen().get(k));
            cte(sql, "fv" + k, SqlFragment.text("SELECT DISTINCT " + dialect.quote(column) + " FROM "
                    + dialect.quote(groups) + noGroups(groups)));
            relationOf.put(fill.seen().get(k), "fv" + k);
        }
        cte(sql, filled, filledGroups(groups, metricColumns, having));
    }

    private void cte(SqlBuilder sql, String name, SqlFragment body) {
        sql.append(", ").append(dialect.quote(name)).append(" AS (").append(body).append(")");
    }

    /** The member dataset's groups, with the values of those dimensions the groups have (a shared device's null). */
    private void members(SqlBuilder sql, String groups, String name, Fill.Members members) {
        List<String> renamed = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < members.dimensions().size(); j++) {
            String column = SelectCompiler.col(members.dimensions().get(j));
            renamed.add(dialect.column("m", SelectCompiler.col(j)) + " AS " + dialect.quote(column));
            columns.add(dialect.quote(column));
            relationOf.put(members.dimensions().get(j), name);
        }
        cte(sql, name, new SqlBuilder().append("SELECT " + String.join(", ", renamed) + " FROM (")
                .append(compiler.groups(members.plan())).append(") AS " + dialect.quote("m") + " UNION SELECT "
                        + String.join(", ", columns) + " FROM " + dialect.quote(groups)).build());
    }

    /** Every bucket from the lower bound's to the upper bound's, with the groups' own values. */
    private void spine(SqlBuilder sql, String groups, String name, Fill.Spine spine) {
        String column = SelectCompiler.col(spine.dimension());
        String bounds = name + "b";
        SqlBuilder b = new SqlBuilder().append("SELECT ").append(bound(spine.lower(), true, groups, column))
                .append(" AS " + dialect.quote("lo") + ", ").append(bound(spine.upper(), false, groups, column))
                .append(" AS " + dialect.quote("hi"));
        if (spine.lower() == null || spine.upper() == null) {
            b.append(" FROM " + dialect.quote(groups));
        }
        cte(sql, bounds, b.build());
        PlannedDimension dimension = plan.dimensions().get(spine.dimension());
        SqlFragment step = SqlFragment.text(dialect.column("fc", "t"));
        SqlFragment bucket = dimensions.bucketOf(dimension, step); // one zone: PARTICIPANT spines are refused
        boolean bounded = spine.lower() != null && spine.upper() != null;
        cte(sql, name, new SqlBuilder().append("SELECT ").append(bucket).append(" AS " + dialect.quote(column)
                + " FROM (" + dialect.timeSteps(bounds, "lo", "hi", step(spine.granularity()), "t") + ") AS "
                + dialect.quote("fc") + " UNION SELECT " + dialect.quote(column) + " FROM " + dialect.quote(groups)
                + (bounded ? "" : noGroups(groups))).build());
        relationOf.put(spine.dimension(), name);
    }

    /** A spine's end: the where filter's bound (the last instant before an exclusive upper one); else the groups' first or last bucket. */
    private SqlFragment bound(Fill.Bound bound, boolean lower, String groups, String column) {
        if (bound == null) {
            return SqlFragment.text((lower ? "min(" : "max(") + dialect.column(groups, column) + ")");
        }
        return dialect.timestamp(bound.inclusive() || lower ? bound.utc() : bound.utc().minus(1, ChronoUnit.MICROS));
    }

    /**
     * Without any group, a dimension whose members come from the groups has one member, null: the members of the
     * other dimensions (every user, say) still show, each once, rather than nothing.
     */
    private String noGroups(String groups) {
        return " UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT * FROM " + dialect.quote(groups) + ")";
    }

    /** Less than the shortest bucket of the granularity (local days can be 23 hours, months 28 days). */
    static Duration step(Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> Duration.ofMinutes(1);
            case HOUR -> Duration.ofMinutes(30);
            case DAY -> Duration.ofHours(22);
            case WEEK -> Duration.ofDays(6);
            case MONTH -> Duration.ofDays(27);
            case QUARTER -> Duration.ofDays(88);
            case YEAR -> Duration.ofDays(364);
        };
    }

    /** The cross product of the members, each combination with its group's values when it has one. */
    private SqlFragment filledGroups(String groups, List<SqlFragment> metricColumns, SqlFragment having) {
        List<SqlFragment> columns = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (int i = 0; i < plan.dimensions().size(); i++) {
            String column = dialect.column(relationOf.get(i), SelectCompiler.col(i));
            columns.add(SqlFragment.text(column + " AS " + dialect.quote(SelectCompiler.col(i))));
            same.add(dialect.column(groups, SelectCompiler.col(i)) + " IS NOT DISTINCT FROM " + column);
        }
        columns.addAll(metricColumns);
        List<String> relations = relationOf.values().stream().distinct().map(dialect::quote).toList();
        SqlBuilder sql = new SqlBuilder().append("SELECT ").join(columns, ", ").append(" FROM ")
                .append(String.join(" CROSS JOIN ", relations)).append(" LEFT JOIN " + dialect.quote(groups) + " ON ")
                .append(String.join(" AND ", same));
        if (having != null) {
            sql.append(" WHERE ").append(having);
        }
        return sql.build();
    }
}
