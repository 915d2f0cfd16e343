package qoegraph.query;

import java.util.List;

/** A query that the validator refused, with every error found; the GraphQL layer turns each into a GraphQL error. */
public final class QueryException extends RuntimeException {
    private final List<QueryError> errors;

    public QueryException(List<QueryError> errors) {
        super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " errors: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<QueryError> errors() {
        return errors;
    }
}
