package qoegraph.graphql.errors;

import qoegraph.query.ErrorCode;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.query.QueryError;
import qoegraph.sql.QueryBusyException;
import qoegraph.sql.QueryTimeoutException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns exceptions from fetchers into GraphQL errors: an {@link ApiException} keeps its code and
 * message; each problem the query validator found becomes one error, with the place in the query in
 * {@code extensions.at}; a timeout is QUERY_TIMEOUT; no turn at the statement gate is BUSY. Anything else is our
 * fault, logged here with its stack trace and shown to the client as INTERNAL without details (no stack traces or
 * SQL in responses).
 */
public final class ErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable cause = unwrap(params.getException());
        DataFetchingEnvironment env = params.getDataFetchingEnvironment();
        List<GraphQLError> errors;
        if (cause instanceof ApiException q) {
            errors = List.of(q.toError(env));
        } else if (cause instanceof qoegraph.query.QueryException q) {
            errors = q.errors().stream().map(e -> queryError(env, e)).toList();
        } else if (cause instanceof QueryTimeoutException t) {
            errors = List.of(error(env, ErrorCode.QUERY_TIMEOUT, t.getMessage(), null));
        } else if (cause instanceof QueryBusyException b) {
            errors = List.of(error(env, ErrorCode.BUSY, b.getMessage(), null));
        } else {
            errors = List.of(internal(env, cause));
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().errors(errors).build());
    }

    private static GraphQLError queryError(DataFetchingEnvironment env, QueryError e) {
        return error(env, e.code(), e.path() + ": " + e.message(), e.path());
    }

    static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String at) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (at != null) {
            extensions.put("at", at);
        }
        return GraphqlErrorBuilder.newError(env).message(message)
                .errorType(ErrorClassification.errorClassification(code.name())).extensions(extensions).build();
    }

    private static GraphQLError internal(DataFetchingEnvironment env, Throwable cause) {
        LOG.error("query failed at {}", env.getExecutionStepInfo().getPath(), cause);
        return GraphqlErrorBuilder.newError(env)
                .message("Internal error while answering this field; the server log has the details.")
                .errorType(ErrorClassification.errorClassification(ErrorCode.INTERNAL.name()))
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
