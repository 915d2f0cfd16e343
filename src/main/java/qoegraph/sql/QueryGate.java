package qoegraph.sql;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The cap on DuckDB statements running at once. A statement beyond it waits (in arrival order) up to
 * {@code busyWait} for one to finish, then fails with {@link QueryBusyException}. It sits around the statement
 * run in {@link SqlRunner}, not around the HTTP request, so that answers served without DuckDB (a cached result,
 * the catalog) never take a turn, and a request with several root fields takes one turn per statement.
 */
public final class QueryGate {
    private final int maxConcurrent;
    private final Duration busyWait;
    private final Semaphore permits;

    /**
     * @param maxConcurrent the most statements that run at once, at least 1
     * @param busyWait      how long a statement beyond it waits for a turn before it fails; zero: not at all
     */
    public QueryGate(int maxConcurrent, Duration busyWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (busyWait.isNegative()) {
            throw new IllegalArgumentException("busyWait must not be negative, got " + busyWait);
        }
        this.maxConcurrent = maxConcurrent;
        this.busyWait = Objects.requireNonNull(busyWait, "busyWait");
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** No cap: for work that is not a user's query (rollup builds, tests). */
    public static QueryGate unlimited() {
        return new QueryGate(Integer.MAX_VALUE, Duration.ZERO);
    }

    /**
     * A turn to run one statement; close it when the statement is over (try-with-resources).
     *
     * @throws QueryBusyException when no turn came within the busy wait
     */
    public Turn enter() {
        try {
            if (permits.tryAcquire(busyWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Turn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new QueryBusyException(running(), busyWait);
    }

    /** How many statements hold a turn now. */
    public int running() {
        return maxConcurrent - permits.availablePermits();
    }

    /** How many statements wait for a turn now. */
    public int waiting() {
        return permits.getQueueLength();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public Duration busyWait() {
        return busyWait;
    }

    /** One statement's turn; closing it more than once gives the turn back once. */
    public final class Turn implements AutoCloseable {
        private boolean closed;

        private Turn() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                permits.release();
            }
        }
    }
}
