package qoegraph.query;

import java.util.List;
import java.util.Objects;

/**
 * Keeps the {@code n} groups with the highest {@code by} metric per partition; with {@code other}, the rest
 * of each partition is folded into one row whose non-partition dimensions are "Other" (text dimensions) or
 * null, and whose metrics are computed over the folded rows.
 *
 * @param by a selected metric (output key or name) or any metric of the dataset
 */
public record Top(int n, String by, List<String> partitionBy, boolean other) {
    public Top {
        Objects.requireNonNull(by, "by");
        partitionBy = List.copyOf(partitionBy);
    }
}
