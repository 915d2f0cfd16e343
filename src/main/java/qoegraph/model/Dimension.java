package qoegraph.model;

import java.util.Objects;

/**
 * A per-row value that queries group by and filter on. DateTime dimensions are time dimensions
 * (granularity, part, time zone); numeric ones can be bucketed.
 *
 * @param sql the row expression
 * @param distribution whether the model derives distribution metrics ({@code <name>Median}, ...)
 * @param categorical whether it is a low-cardinality text dimension whose values are listed in the catalog and
 *        checked in filters (a filter value matching none of them gets a warning)
 * @param formerly the name it had before (still accepted, deprecated, with its derived metrics' names); null if none
 */
public record Dimension(String name, String description, FieldType type, Unit unit, Expr sql, boolean distribution,
                        boolean categorical, String formerly) {
    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sql, "sql");
    }

    public Dimension(String name, String description, FieldType type, Unit unit, Expr sql, boolean distribution) {
        this(name, description, type, unit, sql, distribution, false, null);
    }

    public boolean isTime() {
        return type.isTime();
    }

    public boolean isBucketable() {
        return type.isNumeric();
    }
}
