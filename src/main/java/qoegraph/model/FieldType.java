package qoegraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GraphQL-facing type of a dimension or metric. The names are the ones the GraphQL layer uses for
 * scalars ({@code Int}, {@code Long}, {@code Float}, {@code String}, {@code Boolean}, {@code DateTime}),
 * plus two list types for PostgreSQL array columns, and {@code ID}: a whole-number identifier (a BIGINT such as a
 * flow hash) that clients get as a string, since JavaScript cannot hold every 64-bit number; the model declares it
 * ({@code type: ID}) on identifier columns.
 */
public enum FieldType {
    INT("Int"),
    LONG("Long"),
    ID("ID"),
    FLOAT("Float"),
    STRING("String"),
    BOOLEAN("Boolean"),
    DATE_TIME("DateTime"),
    STRING_LIST("[String]"),
    INT_LIST("[Int]");

    private static final Pattern DECIMAL = Pattern.compile("(DECIMAL|NUMERIC)(\\(\\d+\\s*,\\s*\\d+\\))?");

    private final String graphqlName;

    FieldType(String graphqlName) {
        this.graphqlName = graphqlName;
    }

    public String graphqlName() {
        return graphqlName;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT;
    }

    public boolean isIntegral() {
        return this == INT || this == LONG;
    }

    public boolean isTime() {
        return this == DATE_TIME;
    }

    public boolean isList() {
        return this == STRING_LIST || this == INT_LIST;
    }

    /** The element type of a list type, the type itself otherwise. */
    public FieldType elementType() {
        if (this == STRING_LIST) {
            return STRING;
        }
        return this == INT_LIST ? INT : this;
    }

    public static Optional<FieldType> fromGraphqlName(String name) {
        return Arrays.stream(values()).filter(t -> t.graphqlName.equals(name)).findFirst();
    }

    /**
     * Maps a DuckDB column type as written in sources.yml ({@code BIGINT}, {@code VARCHAR[]}, ...). An exact
     * {@code DECIMAL(p,s)} is a Float to clients: its aggregates are exact in DuckDB and become a double only
     * at the edge.
     */
    public static Optional<FieldType> fromSqlType(String sqlType) {
        String type = sqlType.trim().toUpperCase(Locale.ROOT);
        if (DECIMAL.matcher(type).matches()) {
            return Optional.of(FLOAT);
        }
        switch (type) {
            case "TINYINT": case "SMALLINT": case "INTEGER": case "INT":
                return Optional.of(INT);
            case "BIGINT":
                return Optional.of(LONG);
            case "DOUBLE": case "FLOAT": case "REAL":
                return Optional.of(FLOAT);
            case "VARCHAR": case "TEXT":
                return Optional.of(STRING);
            case "BOOLEAN":
                return Optional.of(BOOLEAN);
            case "TIMESTAMP":
                return Optional.of(DATE_TIME);
            case "VARCHAR[]":
                return Optional.of(STRING_LIST);
            case "INTEGER[]": case "SMALLINT[]":
                return Optional.of(INT_LIST);
            default:
                return Optional.empty();
        }
    }
}
