package qoegraph.security;

/** What a token allows. The admin token also allows queries. */
public enum Role {
    /** Mutations: ingest, refreshRollups. */
    ADMIN,
    /** Queries, when the server asks for a query token. */
    QUERY
}
