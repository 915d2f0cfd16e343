package qoegraph.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Automatic persisted queries (Apollo's APQ protocol: {@code extensions.persistedQuery.sha256Hash}).
 *
 * @param enabled    accept persisted queries (QOEGRAPH_PERSISTED_QUERIES_ENABLED)
 * @param maxEntries how many queries are kept in memory; the least recently used one goes first
 */
@ConfigurationProperties("qoegraph.persisted-queries")
public record PersistedQueriesConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10000") @Min(1) int maxEntries) {
}
