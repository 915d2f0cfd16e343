package qoegraph.graphql.limits;

import qoegraph.sql.QueryGate;
import qoegraph.sql.SqlRunner;
import qoegraph.sql.Statements;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits a dataset or report statement runs under.
 *
 * @param maxRows the hard maximum of {@code limit}; above it a query fails with LIMIT_EXCEEDED
 * @param timeout the time a statement may run before it is cancelled (QUERY_TIMEOUT); whole seconds, rounded up
 * @param gate    the cap on statements at once (BUSY beyond it after a short wait), one for the whole server
 */
public record QueryLimits(int maxRows, Duration timeout, QueryGate gate) {
    /**
     * The defaults of application.yml, with a gate of their own: whatever is built from them (a test's schema, the SDL
     * printer) takes no turns from another's statements.
     */
    public static QueryLimits defaults() {
        return new QueryLimits(100_000, Duration.ofSeconds(30), new QueryGate(8, Duration.ofSeconds(5)));
    }

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(gate, "gate");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
    }

    /** Limits with no cap on statements at once. */
    public QueryLimits(int maxRows, Duration timeout) {
        this(maxRows, timeout, QueryGate.unlimited());
    }

    /**
     * A runner with this time limit that takes its turns at this gate and runs on {@code pool}: every dataset and
     * report field runs through one.
     */
    public SqlRunner runner(Statements pool) {
        return new SqlRunner(timeout, gate, pool);
    }
}
