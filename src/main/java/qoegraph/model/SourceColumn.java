package qoegraph.model;

import java.util.Objects;

/**
 * One declared column of a source table: its name, its DuckDB type and an optional text format.
 * {@code format: pgarray} marks a PostgreSQL text-form array ({@code {a,b}}) that ingest reads as VARCHAR
 * and converts to the declared LIST type.
 */
public record SourceColumn(String name, String type, String format) {

    public static final String PGARRAY = "pgarray";

    public SourceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public boolean pgArray() {
        return PGARRAY.equals(format);
    }
}
