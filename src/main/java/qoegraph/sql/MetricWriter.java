package qoegraph.sql;

import java.util.Set;
import qoegraph.model.Dataset;
import qoegraph.model.FieldType;
import qoegraph.model.Metric;
import qoegraph.plan.PlannedMetric;

/** Writes the aggregate expression of a metric, one small method per aggregation kind. */
final class MetricWriter {
    private final SqlDialect dialect;
    private final ExprWriter exprs;
    private final Dataset dataset;
    /** Counts re-aggregated from a rollup as sums: 0, not null, over no rows, as the count itself. */
    private final Set<String> summedCounts;

    MetricWriter(SqlDialect dialect, ExprWriter exprs, Dataset dataset) {
        this(dialect, exprs, dataset, Set.of());
    }

    MetricWriter(SqlDialect dialect, ExprWriter exprs, Dataset dataset, Set<String> summedCounts) {
        this.dialect = dialect;
        this.exprs = exprs;
        this.dataset = dataset;
        this.summedCounts = summedCounts;
    }

    SqlFragment write(PlannedMetric planned) {
        return write(planned.metric(), planned.q());
    }

    private SqlFragment write(Metric metric, Double q) {
        switch (metric.aggregation()) {
            case COUNT:
                return metric.sql() == null ? SqlFragment.text("count(*)") : call("count(", metric);
            case COUNT_IF:
                // standard FILTER rather than DuckDB's count_if, which is NULL, not 0, over no rows
                return new SqlBuilder().append("count(*) FILTER (WHERE ").append(exprs.write(metric.sql()))
                        .append(")").build();
            case COUNT_DISTINCT:
                return call("count(DISTINCT ", metric);
            case SUM:
                if (summedCounts.contains(metric.name())) {
                    return new SqlBuilder().append("coalesce(").append(call("sum(", metric)).append(", 0)").build();
                }
                return call("sum(", metric);
            case AVG:
                return dialect.average(exprs.write(metric.sql()));
            case MIN:
                return call("min(", metric);
            case MAX:
                return call("max(", metric);
            case STDDEV:
                return call("stddev_samp(", metric);
            case QUANTILE:
                return quantile(metric, q);
            case RATIO:
                return ratio(metric);
            default:
                throw new IllegalStateException("no SQL for " + metric.aggregation());
        }
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
    private SqlFragment ratio(Metric metric) {
        SqlFragment numerator = write(part(metric.numerator()), null);
        SqlFragment denominator = write(part(metric.denominator()), null);
        return new SqlBuilder().append("(").append(dialect.asDouble(numerator)).append(" / NULLIF(")
                .append(dialect.asDouble(denominator)).append(", 0))").build();
    }

    private Metric part(String name) {
        return dataset.metric(name).orElseThrow(() -> new IllegalStateException("unknown metric " + name));
    }
}
