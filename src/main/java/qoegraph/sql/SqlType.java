package qoegraph.sql;

/**
 * What a result column holds, whatever the engine calls its type: reports and rollups compare a statement's
 * columns with what their headers declare in these terms.
 */
public enum SqlType {
    /** 8 to 32-bit integers: fit a GraphQL Int. */
    SMALL_INTEGER,
    /** Wider integers (BIGINT, HUGEINT, unsigned 32/64-bit). */
    INTEGER,
    /** DOUBLE, REAL, DECIMAL. */
    FRACTIONAL,
    TEXT,
    BOOLEAN,
    /** A timestamp without a time zone: stored times are naive UTC. */
    TIMESTAMP,
    DATE,
    OTHER;

    public boolean isWhole() {
        return this == SMALL_INTEGER || this == INTEGER;
    }

    public boolean isNumber() {
        return isWhole() || this == FRACTIONAL;
    }
}
