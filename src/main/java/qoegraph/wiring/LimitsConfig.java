package qoegraph.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import qoegraph.graphql.limits.OperationLimits;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.sql.QueryGate;

import java.time.Duration;

/**
 * The limits that keep one user's mistake or a hostile request from taking the server down (QOEGRAPH_LIMITS_*; the
 * README's Limits section lists them with their error codes).
 *
 * @param maxRows                the hard maximum of a root field's {@code limit}; above it LIMIT_EXCEEDED
 * @param queryTimeout           how long one statement may run before it is cancelled (QUERY_TIMEOUT); whole seconds
 * @param maxConcurrentQueries   the most DuckDB statements that run at once, over all requests
 * @param busyWait               how long a statement beyond that waits for a turn before BUSY
 * @param maxDepth               the deepest field nesting of a data query (TOO_COMPLEX)
 * @param maxComplexity          the most a query may cost: 10 per dataset or report field, 1 per other field
 * @param maxTokens              the most grammar tokens in a query's text (TOO_COMPLEX)
 * @param maxCharacters          the longest query text (TOO_COMPLEX)
 * @param goodFaithIntrospection graphql-java's good-faith introspection check (TOO_COMPLEX)
 */
@ConfigurationProperties("qoegraph.limits")
public record LimitsConfig(
        @Bindable(defaultValue = "100000") @Min(1) int maxRows,
        @Bindable(defaultValue = "30s") @NotNull Duration queryTimeout,
        @Bindable(defaultValue = "8") @Min(1) int maxConcurrentQueries,
        @Bindable(defaultValue = "5s") @NotNull Duration busyWait,
        @Bindable(defaultValue = "10") @Min(1) int maxDepth,
        @Bindable(defaultValue = "200") @Min(1) int maxComplexity,
        @Bindable(defaultValue = "5000") @Min(1) int maxTokens,
        @Bindable(defaultValue = "100000") @Min(1) int maxCharacters,
        @Bindable(defaultValue = "true") boolean goodFaithIntrospection) {

    /** The statement limits, with one gate for the whole server: build it once. */
    public QueryLimits toQueryLimits() {
        return new QueryLimits(maxRows, queryTimeout, new QueryGate(maxConcurrentQueries, busyWait));
    }

    public OperationLimits toOperationLimits() {
        return new OperationLimits(maxDepth, maxComplexity, maxTokens, maxCharacters, goodFaithIntrospection);
    }
}
