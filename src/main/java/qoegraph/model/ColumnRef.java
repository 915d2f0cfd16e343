package qoegraph.model;

import java.util.Objects;

/**
 * A column named in a model expression: {@code {bytes_in}} (the dataset's table, {@code join} null) or
 * {@code {device.os}} (a column of the joined table named {@code device}).
 */
public record ColumnRef(String join, String column) {
    public ColumnRef {
        Objects.requireNonNull(column, "column");
    }

    public boolean isBase() {
        return join == null;
    }

    @Override
    public String toString() {
        return join == null ? column : join + "." + column;
    }
}
