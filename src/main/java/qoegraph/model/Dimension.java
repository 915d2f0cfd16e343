package qoegraph.model;

import java.util.Objects;

/**
 * A per-row value that queries group by and filter on. DateTime dimensions are time dimensions
 * (granularity, part, time zone); numeric ones can be bucketed.
 *
 * @param sql the row expression
 * @param distribution whether the model derives distribution metrics ({@code <name>Median}, ...)
 */
public record Dimension(String name, String description, FieldType type, Unit unit, Expr sql, boolean distribution) {
    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sql, "sql");
    }

    public boolean isTime() {
        return type.isTime();
    }

    public boolean isBucketable() {
        return type.isNumeric();
    }
}
