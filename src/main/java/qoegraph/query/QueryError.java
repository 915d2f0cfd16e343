package qoegraph.query;

import java.util.Objects;

/**
 * One thing wrong with a query, with where it is ({@code where.isp.like}, {@code metrics.bytes.window})
 * and a message a person can act on.
 */
public record QueryError(ErrorCode code, String path, String message) {
    public QueryError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + " at " + path + ": " + message;
    }
}
