package qoegraph.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/** A user's mistake, reported as a GraphQL error with a code and a message a person can act on. */
public class QueryException extends RuntimeException {

    private final ErrorCode code;

    public QueryException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    GraphQLError toError(DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env).message(getMessage())
                .errorType(ErrorClassification.errorClassification(code.name()))
                .extensions(Map.of("code", code.name())).build();
    }
}
