package qoegraph.query;

import java.util.Objects;

/**
 * A metric to aggregate, under an output key.
 *
 * @param window null for the plain grouped value
 * @param q the quantile for metrics that take one; null otherwise
 * @param where a row filter of this metric alone (SQL's {@code FILTER (WHERE ...)}); null for all the group's rows
 * @param share whether the value is the share of the group's metric that {@code where} keeps: the metric over the
 *        rows {@code where} keeps divided by the metric over all the group's rows (the API's {@code share} field)
 */
public record SelectedMetric(String key, String name, Window window, Double q, Filter where, boolean share) {
    public SelectedMetric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    public SelectedMetric(String key, String name, Window window, Double q) {
        this(key, name, window, q, null, false);
    }

    public static SelectedMetric metric(String name) {
        return new SelectedMetric(name, name, null, null);
    }

    /** The share of the group's {@code of} (a count or sum) that the rows {@code where} keeps make up. */
    public static SelectedMetric share(String key, String of, Filter where) {
        return new SelectedMetric(key, of, null, null, where, true);
    }

    /** Whether its name alone names it: no filter of its own, not a share (a window still does). */
    public boolean isPlain() {
        return where == null && !share;
    }

    public SelectedMetric as(String newKey) {
        return new SelectedMetric(newKey, name, window, q, where, share);
    }

    public SelectedMetric window(Window w) {
        return new SelectedMetric(key, name, w, q, where, share);
    }

    public SelectedMetric q(double quantile) {
        return new SelectedMetric(key, name, window, quantile, where, share);
    }

    public SelectedMetric where(Filter filter) {
        return new SelectedMetric(key, name, window, q, filter, share);
    }
}
