package qoegraph.graphql.errors;

import qoegraph.query.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.introspection.GoodFaithIntrospection;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every error of a response an {@code extensions.code}: graphql-java's own parse and validation
 * errors (unknown field, wrong argument type, ...) get ours with a message a person can act on
 * ({@link ValidationMessages}); the limits' refusals (depth, complexity, good-faith introspection) get TOO_COMPLEX;
 * errors that already carry a code pass through.
 */
public final class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        ValidationMessages messages = new ValidationMessages(parameters.getSchema());
        List<GraphQLError> errors = result.getErrors().stream().map(e -> withCode(e, messages)).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    private static GraphQLError withCode(GraphQLError error, ValidationMessages messages) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        if (error instanceof ValidationError v) {
            ValidationMessages.Rewrite rewrite = messages.rewrite(v);
            return build(error, rewrite.code(), rewrite.message(), v.getQueryPath(), rewrite.at());
        }
        if (error instanceof InvalidSyntaxError) {
            return build(error, ErrorCode.INVALID_QUERY, error.getMessage(), null, null);
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return tooComplex(error, error.getMessage());
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return build(error, ErrorCode.INVALID_ARGUMENT, error.getMessage(), error.getPath(), null);
        }
        // A subscription (or, without a Mutation type, a mutation) is the client's mistake, not ours.
        if (error.getErrorType() == ErrorType.OperationNotSupported) {
            return build(error, ErrorCode.INVALID_QUERY, error.getMessage(), error.getPath(), null);
        }
        ErrorCode code = error.getErrorType() == ErrorType.ExecutionAborted ? ErrorCode.TOO_COMPLEX : ErrorCode.INTERNAL;
        return build(error, code, error.getMessage(), error.getPath(), null);
    }

    /** A limit's refusal (parser, good-faith introspection) with our code and {@code message}. */
    public static GraphQLError tooComplex(GraphQLError original, String message) {
        return build(original, ErrorCode.TOO_COMPLEX, message, null, null);
    }

    private static GraphQLError build(GraphQLError original, ErrorCode code, String message, List<?> path, String at) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (at != null) {
            extensions.put("at", at);
        }
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(message).extensions(extensions)
                .errorType(ErrorClassification.errorClassification(code.name()));
        // no "locations": [] when the error has no place in the query text (a limit's refusal, say)
        boolean located = original.getLocations() != null && !original.getLocations().isEmpty();
        b.locations(located ? original.getLocations() : null);
        if (path != null) {
            b.path(List.copyOf(path));
        }
        return b.build();
    }
}
