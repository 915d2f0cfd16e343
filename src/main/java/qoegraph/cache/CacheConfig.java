package qoegraph.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The result cache (QOEGRAPH_CACHE_ENABLED, QOEGRAPH_CACHE_SIZE).
 *
 * @param enabled keep answers of dataset and report fields until the data changes
 * @param size    the bound: rows x columns summed over the cached answers
 * @param responseChars the bound of the whole-response cache in front of graphql-java: bytes of the kept JSON (and CSV) answers
 */
@ConfigurationProperties("qoegraph.cache")
public record CacheConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2000000") @Min(1) long size,
        @Bindable(defaultValue = "64000000") @Min(1) long responseChars) {
}
