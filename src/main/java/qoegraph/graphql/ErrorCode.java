package qoegraph.graphql;

/** The {@code extensions.code} of a GraphQL error: clients branch on these names (api.md). */
public enum ErrorCode {
    UNKNOWN_FIELD,
    INVALID_FILTER,
    INVALID_ARGUMENT,
    LIMIT_EXCEEDED,
    QUERY_TIMEOUT,
    TOO_COMPLEX,
    UNAUTHORIZED,
    INGEST_FAILED,
    INTERNAL
}
