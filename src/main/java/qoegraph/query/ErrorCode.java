package qoegraph.query;

/**
 * The {@code extensions.code} of a GraphQL error, one enum for every code clients see: the validator's
 * ({@link QueryError}), graphql-java's validation errors mapped, the limits', the engine's and the mutations'.
 * Clients rely on these names (docs/architecture.md).
 */
public enum ErrorCode {
    /** A dataset, field, argument, input field or key that does not exist or is not selected ("did you mean"). */
    UNKNOWN_FIELD,
    /** An operator that does not fit the field's type, or a filter value of the wrong shape. */
    INVALID_FILTER,
    /** A window partition on an unselected dimension, or a window size that does not fit its function. */
    INVALID_WINDOW,
    /** A time zone that is not an IANA zone id, or PARTICIPANT on a dataset without participants. */
    INVALID_TIMEZONE,
    /** Any other argument that does not fit: a wrong type, a missing required argument, q out of 0..1, ... */
    INVALID_ARGUMENT,
    /** A document that does not parse or is not a valid query apart from its arguments (e.g. a selection on a leaf). */
    INVALID_QUERY,
    /** A {@code limit} above the configured maximum of rows ({@code qoegraph.limits.max-rows}): page with offset. */
    LIMIT_EXCEEDED,
    /** A statement ran past {@code qoegraph.limits.query-timeout} and was cancelled. */
    QUERY_TIMEOUT,
    /**
     * A request over a limit checked before anything runs: query depth, complexity, tokens or characters, or
     * introspection not in good faith. The message gives the number and the limit.
     */
    TOO_COMPLEX,
    /**
     * The most statements the server runs at once ({@code qoegraph.limits.max-concurrent-queries}) were running
     * for the whole busy wait ({@code qoegraph.limits.busy-wait}); nothing ran for this field: retry in a moment.
     */
    BUSY,
    UNAUTHORIZED,
    INGEST_FAILED,
    INTERNAL
}
