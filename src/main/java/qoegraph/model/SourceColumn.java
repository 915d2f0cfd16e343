package qoegraph.model;

import java.util.Objects;

/**
 * One declared column of a source table: its name, its DuckDB type, an optional text format and whether NULL
 * is a legitimate value. {@code format: pgarray} marks a PostgreSQL text-form array ({@code {a,b}}) that
 * ingest reads as VARCHAR and converts to the declared LIST type. A NULL in a column that is not
 * {@code nullable} is a missing value: ingest loads the row and counts it incomplete.
 */
public record SourceColumn(String name, String type, String format, boolean nullable) {

    public static final String PGARRAY = "pgarray";

    public SourceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public boolean pgArray() {
        return PGARRAY.equals(format);
    }
}
