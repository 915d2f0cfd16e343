package qoegraph.query;

/** The {@code extensions.code} of a query error, as the GraphQL layer reports it. */
public enum ErrorCode {
    /** A dataset, dimension, metric or key that does not exist or is not selected. */
    UNKNOWN_FIELD,
    /** An operator that does not fit the field's type, or a value of the wrong shape or type. */
    INVALID_FILTER,
    /** A window partition on an unselected dimension, or a window argument that does not fit. */
    INVALID_WINDOW,
    /** A time zone that is not an IANA zone id, or PARTICIPANT where there are no participants. */
    INVALID_TIMEZONE,
    /** A limit above the configured maximum. */
    LIMIT_EXCEEDED,
    /** Any other argument that does not fit: granularity on a text field, q out of 0..1, ... */
    INVALID_ARGUMENT
}
