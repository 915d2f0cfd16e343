package qoegraph.query;

import java.util.Objects;

/** One sort key: a selected field's output key (or name). Nulls always sort last. */
public record OrderBy(String key, Direction direction) {
    public enum Direction { ASC, DESC }

    public OrderBy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
    }

    public static OrderBy asc(String key) {
        return new OrderBy(key, Direction.ASC);
    }

    public static OrderBy desc(String key) {
        return new OrderBy(key, Direction.DESC);
    }
}
