package qoegraph.query;

import java.util.Objects;

/**
 * A dimension to group by, under an output key (the GraphQL alias, or the name).
 * At most one of granularity / part (time dimensions) and one of bucketWidth / logBase (numeric ones).
 */
public record SelectedDimension(String key, String name, Granularity granularity, DatePart part,
                                Double bucketWidth, Double logBase) {
    public SelectedDimension {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    public static SelectedDimension dimension(String name) {
        return new SelectedDimension(name, name, null, null, null, null);
    }

    public SelectedDimension as(String newKey) {
        return new SelectedDimension(newKey, name, granularity, part, bucketWidth, logBase);
    }

    public SelectedDimension granularity(Granularity g) {
        return new SelectedDimension(key, name, g, part, bucketWidth, logBase);
    }

    public SelectedDimension part(DatePart p) {
        return new SelectedDimension(key, name, granularity, p, bucketWidth, logBase);
    }

    public SelectedDimension bucketWidth(double width) {
        return new SelectedDimension(key, name, granularity, part, width, logBase);
    }

    public SelectedDimension logBase(double base) {
        return new SelectedDimension(key, name, granularity, part, bucketWidth, base);
    }
}
