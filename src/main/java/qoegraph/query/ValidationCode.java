package qoegraph.query;

/**
 * What kind of problem the validator found in a query. The API reports each under the {@code graphql.ErrorCode} of
 * the same name (a subset of the API's codes, which also cover limits, timeouts and mutations); this package sits
 * below the GraphQL layer and cannot name those.
 */
public enum ValidationCode {
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
