package qoegraph.graphql.errors;

import qoegraph.query.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/**
 * A fetcher's refusal with one API code (an unauthorized mutation, a report unavailable here, a failed ingest),
 * reported as a GraphQL error with that code and a message a person can act on. The validator's refusals are
 * {@link qoegraph.query.QueryException}, one GraphQL error per problem.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
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
