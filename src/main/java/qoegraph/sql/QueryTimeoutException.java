package qoegraph.sql;

import java.time.Duration;

/** A statement ran past its time limit and was cancelled; the GraphQL layer reports {@code QUERY_TIMEOUT}. */
public final class QueryTimeoutException extends RuntimeException {
    private final Duration timeout;

    public QueryTimeoutException(Duration timeout, Throwable cause) {
        super("query took longer than " + timeout.toMillis() + " ms and was cancelled; narrow the filter or "
                + "select fewer dimensions", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
