package qoegraph.model;

import java.util.Objects;

/**
 * An aggregate over the rows of a group.
 *
 * @param sql the row expression aggregated; null for {@code count} of rows and for ratios
 * @param numerator for {@link Aggregation#RATIO}: the metric divided; null otherwise
 * @param denominator for {@link Aggregation#RATIO}: the metric divided by; null otherwise
 * @param quantile for {@link Aggregation#QUANTILE}: the fixed q (0.5 for a median), or null when the
 *        query passes q
 */
public record Metric(String name, String description, FieldType type, Unit unit, Aggregation aggregation,
                     Expr sql, String numerator, String denominator, Double quantile) {
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(aggregation, "aggregation");
    }

    /** Whether a query must give q (a quantile metric without a fixed q). */
    public boolean takesQuantile() {
        return aggregation == Aggregation.QUANTILE && quantile == null;
    }
}
