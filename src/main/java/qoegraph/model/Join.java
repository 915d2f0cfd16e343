package qoegraph.model;

import java.util.Objects;
import java.util.Set;

/**
 * A LEFT JOIN of another table, written into the SQL only when a query uses one of its columns.
 * A join must match at most one row per row of the dataset (many-to-one), so that counts and sums
 * stay those of the dataset's rows.
 *
 * @param name the alias used in expressions: {@code {device.os}}
 * @param on the join condition
 * @param dependsOn the other joins that {@code on} refers to, which must be joined first
 */
public record Join(String name, String table, Expr on, Set<String> dependsOn) {
    public Join {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(on, "on");
        dependsOn = Set.copyOf(dependsOn);
    }
}
