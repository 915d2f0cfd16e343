package qoegraph.query;

import java.util.List;
import java.util.Objects;

/**
 * Keeps the {@code n} groups with the highest (or, with {@link OrderBy.Direction#ASC}, the lowest) {@code by}
 * metric per partition; with {@code other}, the rest of each partition is folded into one row whose
 * non-partition dimensions are "Other" (text dimensions) or null, and whose metrics are computed over the
 * folded rows. Missing values rank last either way.
 *
 * @param by a selected metric (output key or name) or any metric of the dataset
 * @param direction DESC keeps the highest, ASC the lowest
 */
public record Top(int n, String by, List<String> partitionBy, boolean other, OrderBy.Direction direction) {
    public Top {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(direction, "direction");
        partitionBy = List.copyOf(partitionBy);
    }

    /** The n highest. */
    public Top(int n, String by, List<String> partitionBy, boolean other) {
        this(n, by, partitionBy, other, OrderBy.Direction.DESC);
    }

    public boolean lowestFirst() {
        return direction == OrderBy.Direction.ASC;
    }
}
