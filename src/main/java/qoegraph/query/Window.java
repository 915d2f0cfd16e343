package qoegraph.query;

import java.util.List;
import java.util.Objects;

/**
 * Turns a grouped metric into a window value over the result groups.
 *
 * @param partitionBy selected dimensions (names or output keys) that partition the groups
 * @param size for {@link WindowFunction#MOVING_AVERAGE}: rows in the window; null otherwise
 * @param direction for the ranking functions: DESC ranks the highest value 1, ASC the lowest; null means DESC
 */
public record Window(WindowFunction fn, List<String> partitionBy, Integer size, OrderBy.Direction direction) {
    public Window {
        Objects.requireNonNull(fn, "fn");
        partitionBy = List.copyOf(partitionBy);
    }

    public Window(WindowFunction fn, List<String> partitionBy, Integer size) {
        this(fn, partitionBy, size, null);
    }

    public static Window of(WindowFunction fn, String... partitionBy) {
        return new Window(fn, List.of(partitionBy), null);
    }

    public static Window movingAverage(int size, String... partitionBy) {
        return new Window(WindowFunction.MOVING_AVERAGE, List.of(partitionBy), size);
    }

    /** The same window ranking lowest first. */
    public Window ascending() {
        return new Window(fn, partitionBy, size, OrderBy.Direction.ASC);
    }

    /** Whether a ranking function ranks the lowest value first. */
    public boolean lowestFirst() {
        return direction == OrderBy.Direction.ASC;
    }
}
