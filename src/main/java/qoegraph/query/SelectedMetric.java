package qoegraph.query;

import java.util.Objects;

/**
 * A metric to aggregate, under an output key.
 *
 * @param window null for the plain grouped value
 * @param q the quantile for metrics that take one; null otherwise
 */
public record SelectedMetric(String key, String name, Window window, Double q) {
    public SelectedMetric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    public static SelectedMetric metric(String name) {
        return new SelectedMetric(name, name, null, null);
    }

    public SelectedMetric as(String newKey) {
        return new SelectedMetric(newKey, name, window, q);
    }

    public SelectedMetric window(Window w) {
        return new SelectedMetric(key, name, w, q);
    }

    public SelectedMetric q(double quantile) {
        return new SelectedMetric(key, name, window, quantile);
    }
}
