package qoegraph.graphql.fetch;

import graphql.schema.DataFetchingEnvironment;
import java.util.Set;
import qoegraph.security.Role;

/**
 * Who sent a request, as far as the API cares: the roles of the bearer token it presented. The HTTP layer
 * puts it in the {@code GraphQLContext}; an operation without one (a test, the SDL printer) is anonymous.
 */
public record Caller(Set<Role> roles) {
    public static final Caller ANONYMOUS = new Caller(Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    static Caller of(DataFetchingEnvironment env) {
        return env.getGraphQlContext().getOrDefault(Caller.class, ANONYMOUS);
    }
}
