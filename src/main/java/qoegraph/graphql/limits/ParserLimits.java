package qoegraph.graphql.limits;

import qoegraph.graphql.errors.ErrorCodeInstrumentation;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The parser limits of one server, set per request (graphql-java reads {@link ParserOptions} from the request's
 * GraphQLContext, so two servers in one JVM keep their own), and good-faith introspection switched the same way.
 * A request the parser cancels gets TOO_COMPLEX with the limit it passed, in place of a syntax error.
 */
final class ParserLimits extends SimplePerformantInstrumentation {
    private static final Object CANCELLED = ParserLimits.class.getName() + ".cancelled";

    private final OperationLimits limits;
    private final ParserOptions options;

    ParserLimits(OperationLimits limits) {
        this.limits = limits;
        // whitespace tokens are characters too: the character limit bounds them
        this.options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxCharacters()).maxWhitespaceTokens(limits.maxCharacters()));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        input.getGraphQLContext().put(ParserOptions.class, options)
                .put(GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, !limits.goodFaithIntrospection());
        return input;
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
            if (failure instanceof ParseCancelledException || failure instanceof ParseCancelledTooDeepException
                    || failure instanceof ParseCancelledTooManyCharsException) {
                parameters.getGraphQLContext().put(CANCELLED, message(failure));
            }
        });
    }

    private String message(Throwable cancelled) {
        if (cancelled instanceof ParseCancelledTooManyCharsException) {
            return "the query is longer than " + limits.maxCharacters() + " characters, the most allowed";
        }
        if (cancelled instanceof ParseCancelledTooDeepException) {
            return "the query nests too deeply to parse (more than " + options.getMaxRuleDepth() + " grammar rules)";
        }
        return "the query has more than " + limits.maxTokens() + " tokens, the most allowed; pass long lists"
                + " of values as variables";
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        String message = parameters.getGraphQLContext().get(CANCELLED);
        if (message == null) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(e -> e instanceof InvalidSyntaxError ? ErrorCodeInstrumentation.tooComplex(e, message) : e)
                .toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }
}
