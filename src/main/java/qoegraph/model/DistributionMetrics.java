package qoegraph.model;

import java.util.Collection;
import java.util.Map;

/**
 * Derives the distribution metrics of each {@code distribution: true} dimension: {@code <name>Min},
 * {@code Max}, {@code Avg}, {@code Stddev}, {@code Median} and {@code Quantile} (q given by the query),
 * so that a histogram column gets its percentiles without one YAML entry each; and of every time dimension
 * its {@code <name>Min} and {@code <name>Max} (first and last time). A renamed dimension's derived metrics keep
 * their former names too, as deprecated aliases.
 */
final class DistributionMetrics {
    private DistributionMetrics() {
    }

    static void add(Section root, Collection<Dimension> dimensions, Map<String, Metric> metrics,
                    Map<String, String> renamed) {
        for (Dimension d : dimensions) {
            if (d.isTime()) {
                add(root, metrics, renamed, d, "Min", "Earliest", Aggregation.MIN, d.type(), null);
                add(root, metrics, renamed, d, "Max", "Latest", Aggregation.MAX, d.type(), null);
                continue;
            }
            if (!d.distribution() || !d.type().isNumeric()) {
                continue;
            }
            add(root, metrics, renamed, d, "Min", "Smallest", Aggregation.MIN, d.type(), null);
            add(root, metrics, renamed, d, "Max", "Largest", Aggregation.MAX, d.type(), null);
            add(root, metrics, renamed, d, "Avg", "Mean", Aggregation.AVG, FieldType.FLOAT, null);
            add(root, metrics, renamed, d, "Stddev", "Sample standard deviation of", Aggregation.STDDEV, FieldType.FLOAT,
                    null);
            add(root, metrics, renamed, d, "Median", "Median", Aggregation.QUANTILE, FieldType.FLOAT, 0.5);
            add(root, metrics, renamed, d, "Quantile", "Continuous quantile q (0..1)", Aggregation.QUANTILE,
                    FieldType.FLOAT, null);
        }
    }

    private static void add(Section root, Map<String, Metric> metrics, Map<String, String> renamed, Dimension d,
                            String suffix, String what, Aggregation aggregation, FieldType type, Double q) {
        String name = d.name() + suffix;
        if (metrics.containsKey(name)) {
            root.error("metrics." + name, "clashes with the metric derived from dimensions." + d.name()
                    + (d.isTime() ? " (a time: its Min and Max)" : " (distribution: true)"));
            return;
        }
        String description = what + " of " + d.name() + ": " + d.description();
        metrics.put(name, new Metric(name, description, type, d.unit(), aggregation, d.sql(), null, null, q));
        if (d.formerly() != null) {
            renamed.put(d.formerly() + suffix, name);
        }
    }
}
