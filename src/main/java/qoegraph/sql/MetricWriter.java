package qoegraph.sql;

import qoegraph.model.Dataset;
import qoegraph.model.Metric;
import qoegraph.plan.PlannedMetric;

/** Writes the aggregate expression of a metric, one small method per aggregation kind. */
final class MetricWriter {
    private final DuckDbDialect dialect;
    private final ExprWriter exprs;
    private final Dataset dataset;

    MetricWriter(DuckDbDialect dialect, ExprWriter exprs, Dataset dataset) {
        this.dialect = dialect;
        this.exprs = exprs;
        this.dataset = dataset;
    }

    SqlFragment write(PlannedMetric planned) {
        return write(planned.metric(), planned.q());
    }

    private SqlFragment write(Metric metric, Double q) {
        switch (metric.aggregation()) {
            case COUNT:
                return metric.sql() == null ? SqlFragment.text("count(*)") : call("count(", metric);
            case COUNT_IF:
                return call("count_if(", metric);
            case COUNT_DISTINCT:
                return call("count(DISTINCT ", metric);
            case SUM:
                return call("sum(", metric);
            case AVG:
                return call("avg(", metric);
            case MIN:
                return call("min(", metric);
            case MAX:
                return call("max(", metric);
            case STDDEV:
                return call("stddev_samp(", metric);
            case QUANTILE:
                return dialect.quantile(exprs.write(metric.sql()), q);
            case RATIO:
                return ratio(metric);
            default:
                throw new IllegalStateException("no SQL for " + metric.aggregation());
        }
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
