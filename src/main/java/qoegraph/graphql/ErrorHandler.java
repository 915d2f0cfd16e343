package qoegraph.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns exceptions from fetchers into GraphQL errors: a {@link QueryException} keeps its code and
 * message; anything else is our fault, logged here with its stack trace and shown to the client as
 * INTERNAL without details (no stack traces or SQL in responses).
 */
public final class ErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable cause = unwrap(params.getException());
        DataFetchingEnvironment env = params.getDataFetchingEnvironment();
        GraphQLError error = cause instanceof QueryException q ? q.toError(env) : internal(env, cause);
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static GraphQLError internal(DataFetchingEnvironment env, Throwable cause) {
        LOG.error("query failed at {}", env.getExecutionStepInfo().getPath(), cause);
        return GraphqlErrorBuilder.newError(env)
                .message("Internal error while answering this field; the server log has the details.")
                .extensions(Map.of("code", ErrorCode.INTERNAL.name())).build();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
