package qoegraph.query;

import java.util.List;
import java.util.Objects;

/**
 * Turns a grouped metric into a window value over the result groups.
 *
 * @param partitionBy selected dimensions (names or output keys) that partition the groups
 * @param size for {@link WindowFunction#MOVING_AVERAGE}: rows in the window; null otherwise
 */
public record Window(WindowFunction fn, List<String> partitionBy, Integer size) {
    public Window {
        Objects.requireNonNull(fn, "fn");
        partitionBy = List.copyOf(partitionBy);
    }

    public static Window of(WindowFunction fn, String... partitionBy) {
        return new Window(fn, List.of(partitionBy), null);
    }

    public static Window movingAverage(int size, String... partitionBy) {
        return new Window(WindowFunction.MOVING_AVERAGE, List.of(partitionBy), size);
    }
}
