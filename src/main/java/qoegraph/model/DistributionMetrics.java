package qoegraph.model;

import java.util.Collection;
import java.util.Map;

/**
 * Derives the distribution metrics of each {@code distribution: true} dimension: {@code <name>Min},
 * {@code Max}, {@code Avg}, {@code Stddev}, {@code Median} and {@code Quantile} (q given by the query),
 * so that a histogram column gets its percentiles without one YAML entry each.
 */
final class DistributionMetrics {
    private DistributionMetrics() {
    }

    static void add(Section root, Collection<Dimension> dimensions, Map<String, Metric> metrics) {
        for (Dimension d : dimensions) {
            if (!d.distribution() || !d.type().isNumeric()) {
                continue;
            }
            add(root, metrics, d, "Min", "Smallest", Aggregation.MIN, d.type(), null);
            add(root, metrics, d, "Max", "Largest", Aggregation.MAX, d.type(), null);
            add(root, metrics, d, "Avg", "Mean", Aggregation.AVG, FieldType.FLOAT, null);
            add(root, metrics, d, "Stddev", "Sample standard deviation of", Aggregation.STDDEV, FieldType.FLOAT, null);
            add(root, metrics, d, "Median", "Median", Aggregation.QUANTILE, FieldType.FLOAT, 0.5);
            add(root, metrics, d, "Quantile", "Continuous quantile q (0..1)", Aggregation.QUANTILE, FieldType.FLOAT, null);
        }
    }

    private static void add(Section root, Map<String, Metric> metrics, Dimension d, String suffix, String what,
                            Aggregation aggregation, FieldType type, Double q) {
        String name = d.name() + suffix;
        if (metrics.containsKey(name)) {
            root.error("metrics." + name, "clashes with the metric derived from dimensions." + d.name()
                    + " (distribution: true)");
            return;
        }
        String description = what + " of " + d.name() + ": " + d.description();
        metrics.put(name, new Metric(name, description, type, d.unit(), aggregation, d.sql(), null, null, q));
    }
}
