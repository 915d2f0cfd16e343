package qoegraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a metric aggregates its rows. The planner reasons about it: a rollup can serve a metric only
 * when the metric can be rebuilt from partial aggregates ({@link #reaggregatable()}).
 */
public enum Aggregation {
    /** {@code count(*)}, or {@code count(sql)} of non-null values when sql is given. */
    COUNT(true),
    /** Rows where the boolean {@code sql} is true. */
    COUNT_IF(true),
    /** Distinct non-null values of {@code sql}. */
    COUNT_DISTINCT(false),
    SUM(true),
    /** Mean of {@code sql}; re-aggregatable as sum / count. */
    AVG(true),
    MIN(true),
    MAX(true),
    /** Sample standard deviation. */
    STDDEV(false),
    /** Continuous quantile; {@code q} fixed in the model (a median) or given by the query. */
    QUANTILE(false),
    /** {@code numerator / denominator}, two other metrics of the dataset; re-aggregatable when both are. */
    RATIO(true);

    private final boolean reaggregatable;

    Aggregation(boolean reaggregatable) {
        this.reaggregatable = reaggregatable;
    }

    /** Whether partial results (per rollup group) combine into the exact total. */
    public boolean reaggregatable() {
        return reaggregatable;
    }

    /** Whether the parts of a group add up to the whole: counts and sums (what a share may divide). */
    public boolean additive() {
        return this == COUNT || this == COUNT_IF || this == SUM;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> fromYamlName(String name) {
        return Arrays.stream(values()).filter(a -> a.yamlName().equals(name)).findFirst();
    }
}
