package qoegraph.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import qoegraph.graphql.QueryLimits;

import java.time.Duration;

/**
 * The limits of dataset queries (QOEGRAPH_LIMITS_MAX_ROWS, QOEGRAPH_LIMITS_QUERY_TIMEOUT).
 *
 * @param maxRows      the hard maximum of a root field's {@code limit}; above it LIMIT_EXCEEDED
 * @param queryTimeout how long one statement may run before it is cancelled (QUERY_TIMEOUT); whole seconds
 */
@ConfigurationProperties("qoegraph.limits")
public record LimitsConfig(
        @Bindable(defaultValue = "100000") @Min(1) int maxRows,
        @Bindable(defaultValue = "30s") @NotNull Duration queryTimeout) {

    public QueryLimits toQueryLimits() {
        return new QueryLimits(maxRows, queryTimeout);
    }
}
