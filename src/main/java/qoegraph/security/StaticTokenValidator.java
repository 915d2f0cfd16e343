package qoegraph.security;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.context.annotation.Context;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * Micronaut Security's bearer-token reader hands us the token of {@code Authorization: Bearer ...}; we turn
 * the configured tokens into an {@link Authentication} with roles. An unknown token authenticates nobody:
 * the request goes on anonymous and the GraphQL layer says UNAUTHORIZED where a role is needed.
 */
@Context // created at start-up: a bad token stops the start, not the first request
public class StaticTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final Tokens tokens;

    public StaticTokenValidator(SecurityConfig config) {
        try {
            this.tokens = config.tokens();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    public Tokens tokens() {
        return tokens;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return tokens.match(token)
                .map(role -> Publishers.just(authentication(role)))
                .orElseGet(Publishers::empty);
    }

    private static Authentication authentication(Role role) {
        List<String> roles = role == Role.ADMIN ? List.of(Role.ADMIN.name(), Role.QUERY.name()) : List.of(role.name());
        return Authentication.build(role.name().toLowerCase(java.util.Locale.ROOT), roles);
    }
}
