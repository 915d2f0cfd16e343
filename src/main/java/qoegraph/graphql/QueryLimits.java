package qoegraph.graphql;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a dataset query runs under.
 *
 * @param maxRows the hard maximum of {@code limit}; above it a query fails with LIMIT_EXCEEDED
 * @param timeout the time a statement may run before it is cancelled (QUERY_TIMEOUT)
 */
public record QueryLimits(int maxRows, Duration timeout) {
    public static final QueryLimits DEFAULTS = new QueryLimits(100_000, Duration.ofSeconds(30));

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
    }
}
