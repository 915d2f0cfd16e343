package qoegraph.sql;

import java.time.Duration;

/**
 * The most statements the server runs at once were running for the whole busy wait: the GraphQL layer reports
 * {@code BUSY}, and the client may retry.
 */
public final class QueryBusyException extends RuntimeException {
    private final int running;

    public QueryBusyException(int running, Duration waited) {
        super("the server is busy: " + running + " queries are running, the most it runs at once, and none finished"
                + " within " + waited.toMillis() + " ms; retry in a moment");
        this.running = running;
    }

    /** The statements that were running when this one gave up. */
    public int running() {
        return running;
    }
}
