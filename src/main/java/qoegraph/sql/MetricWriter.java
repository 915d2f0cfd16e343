package qoegraph.sql;

import java.util.function.Function;
import qoegraph.model.Aggregation;
import qoegraph.model.Dataset;
import qoegraph.model.FieldType;
import qoegraph.model.Metric;
import qoegraph.plan.PlannedMetric;
import qoegraph.query.Filter;

/**
 * Writes the aggregate expression of a metric, one small method per aggregation kind. A metric with a where of its
 * own aggregates only the rows that filter keeps; a share divides that by the
 * metric over all the group's rows. Counts and sums are 0, never null, over no rows.
 */
final class MetricWriter {
    private final SqlDialect dialect;
    private final ExprWriter exprs;
    private final Dataset dataset;
    /** Writes a row filter as a condition on the relation the metrics read. */
    private final Function<Filter, SqlFragment> conditions;

    MetricWriter(SqlDialect dialect, ExprWriter exprs, Dataset dataset, Function<Filter, SqlFragment> conditions) {
        this.dialect = dialect;
        this.exprs = exprs;
        this.dataset = dataset;
        this.conditions = conditions;
    }

    SqlFragment write(PlannedMetric planned) {
        Filter where = planned.selected().where();
        SqlFragment condition = where == null ? null : conditions.apply(where);
        SqlFragment value = write(planned.metric(), planned.q(), condition);
        if (!planned.selected().share()) {
            return value;
        }
        SqlFragment whole = write(planned.metric(), planned.q(), null);
        return ratio(value, whole);
    }

    /** Whether the metric is 0 over no rows (counts and sums), so that an added empty group reads 0 too. */
    static boolean zeroWhenEmpty(PlannedMetric planned) {
        Aggregation a = planned.metric().aggregation();
        return !planned.selected().share() && (a.additive() || a == Aggregation.COUNT_DISTINCT);
    }

    /**
     * @param condition the metric's own row filter; null for all rows. It is applied to the aggregate's input
     *                  ({@code agg(CASE WHEN cond THEN x END)}, the same rows as {@code agg(x) FILTER (WHERE cond)}
     *                  since aggregates skip nulls), so that it holds for an engine's compound aggregates too
     *                  (Trino's exact average and quantile are expressions over several aggregates).
     */
    private SqlFragment write(Metric metric, Double q, SqlFragment condition) {
        switch (metric.aggregation()) {
            case COUNT:
                if (metric.sql() == null) {
                    return condition == null ? SqlFragment.text("count(*)") : dialect.countWhere(condition);
                }
                return call("count(", metric, condition);
            case COUNT_IF:
                // standard FILTER rather than DuckDB's count_if, which is NULL, not 0, over no rows
                SqlFragment when = exprs.write(metric.sql());
                return dialect.countWhere(condition == null ? when : dialect.and(when, condition));
            case COUNT_DISTINCT:
                return call("count(DISTINCT ", metric, condition);
            case SUM:
                // 0, not null, over no rows (and over rows without values): a sum of nothing is nothing
                return dialect.zeroIfNull(call("sum(", metric, condition));
            case AVG:
                return dialect.average(input(metric, condition));
            case MIN:
                return call("min(", metric, condition);
            case MAX:
                return call("max(", metric, condition);
            case STDDEV:
                return call("stddev_samp(", metric, condition);
            case QUANTILE:
                return quantile(metric, q, condition);
            case RATIO:
                return ratio(write(part(metric.numerator()), null, condition),
                        write(part(metric.denominator()), null, condition));
            default:
                throw new IllegalStateException("no SQL for " + metric.aggregation());
        }
    }

    /** The metric's value on a row, or null on a row its condition does not keep. */
    private SqlFragment input(Metric metric, SqlFragment condition) {
        SqlFragment value = exprs.write(metric.sql());
        if (condition == null) {
            return value;
        }
        return new SqlBuilder().append("CASE WHEN ").append(condition).append(" THEN ").append(value)
                .append(" END").build();
    }

    // quantile_cont interpolates in its input's type: over an exact DECIMAL it would cut the result to the
    // column's scale (8399.999999 for 8400), so a Float metric takes its quantile over doubles (no sum involved,
    // so still the same on every run).
    private SqlFragment quantile(Metric metric, Double q, SqlFragment condition) {
        SqlFragment expr = input(metric, condition);
        return dialect.quantile(metric.type() == FieldType.FLOAT ? dialect.asDouble(expr) : expr, q);
    }

    private SqlFragment call(String open, Metric metric, SqlFragment condition) {
        return new SqlBuilder().append(open).append(input(metric, condition)).append(")").build();
    }

    /** numerator / denominator as DOUBLE; null when the denominator is 0. */
    private SqlFragment ratio(SqlFragment numerator, SqlFragment denominator) {
        return new SqlBuilder().append("(").append(dialect.asDouble(numerator)).append(" / NULLIF(")
                .append(dialect.asDouble(denominator)).append(", 0))").build();
    }

    private Metric part(String name) {
        return dataset.metric(name).orElseThrow(() -> new IllegalStateException("unknown metric " + name));
    }
}
