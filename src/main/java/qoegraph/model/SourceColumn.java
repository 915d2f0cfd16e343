package qoegraph.model;

import java.util.Objects;

/**
 * One declared column of a source table: its name, its DuckDB type, an optional text format and whether NULL
 * is a legitimate value. {@code format: pgarray} marks a PostgreSQL text-form array ({@code {a,b}}) that
 * ingest reads as VARCHAR and converts to the declared LIST type. A NULL in a column that is not
 * {@code nullable} is a missing value: ingest loads the row and counts it incomplete. {@code lowCardinality}
 * marks a VARCHAR column whose values come from a small vocabulary (an ISP, a browser, an HTTP method): DuckDB
 * stores it as an ENUM built from the values ingested, which queries still see as text.
 */
public record SourceColumn(String name, String type, String format, boolean nullable, boolean lowCardinality) {

    public static final String PGARRAY = "pgarray";

    public SourceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public boolean pgArray() {
        return PGARRAY.equals(format);
    }
}
