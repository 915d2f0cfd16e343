package qoegraph.security;

import java.util.Arrays;
import java.util.Optional;

/** What a token allows. The admin token also allows queries. */
public enum Role {
    /** Mutations: ingest, refreshRollups. */
    ADMIN,
    /** Queries, when the server asks for a query token. */
    QUERY;

    /** The role of an authentication's role name; empty for a name that is not one of ours. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
