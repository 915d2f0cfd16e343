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
 * own aggregates only the rows that filter keeps ({@code FILTER (WHERE ...)}); a share divides that by the
 * metric over all the group's rows. Counts and sums are 0, never null, over no rows.
 */
final class MetricWriter {
    private final DuckDbDialect dialect;
    private final ExprWriter exprs;
    private final Dataset dataset;
    /** Writes a row filter as a condition on the relation the metrics read. */
    private final Function<Filter, SqlFragment> conditions;

    MetricWriter(DuckDbDialect dialect, ExprWriter exprs, Dataset dataset, Function<Filter, SqlFragment> conditions) {
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

    /** @param condition the metric's own row filter; null for all rows */
    private SqlFragment write(Metric metric, Double q, SqlFragment condition) {
        switch (metric.aggregation()) {
            case COUNT:
                return filtered(metric.sql() == null ? SqlFragment.text("count(*)") : call("count(", metric), condition);
            case COUNT_IF:
                // standard FILTER rather than DuckDB's count_if, which is NULL, not 0, over no rows
                SqlFragment when = exprs.write(metric.sql());
                return dialect.countWhere(condition == null ? when : dialect.and(when, condition));
            case COUNT_DISTINCT:
                return filtered(call("count(DISTINCT ", metric), condition);
            case SUM:
                // 0, not null, over no rows (and over rows without values): a sum of nothing is nothing
                return dialect.zeroIfNull(filtered(call("sum(", metric), condition));
            case AVG:
                return filtered(call("avg(", metric), condition);
            case MIN:
                return filtered(call("min(", metric), condition);
            case MAX:
                return filtered(call("max(", metric), condition);
            case STDDEV:
                return filtered(call("stddev_samp(", metric), condition);
            case QUANTILE:
                return filtered(quantile(metric, q), condition);
            case RATIO:
                return ratio(write(part(metric.numerator()), null, condition),
                        write(part(metric.denominator()), null, condition));
            default:
                throw new IllegalStateException("no SQL for " + metric.aggregation());
        }
    }

    private SqlFragment filtered(SqlFragment aggregate, SqlFragment condition) {
        return condition == null ? aggregate : dialect.filtered(aggregate, condition);
    }

    // quantile_cont interpolates in its input's type: over an exact DECIMAL it would cut the result to the
    // column's scale (8399.999999 for 8400), so a Float metric takes its quantile over doubles (no sum involved,
    // so still the same on every run).
    private SqlFragment quantile(Metric metric, Double q) {
        SqlFragment expr = exprs.write(metric.sql());
        return dialect.quantile(metric.type() == FieldType.FLOAT ? dialect.asDouble(expr) : expr, q);
    }

    private SqlFragment call(String open, Metric metric) {
        return new SqlBuilder().append(open).append(exprs.write(metric.sql())).append(")").build();
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
