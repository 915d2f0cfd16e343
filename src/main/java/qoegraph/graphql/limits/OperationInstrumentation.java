package qoegraph.graphql.limits;

import qoegraph.graphql.errors.ErrorCodeInstrumentation;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The limits and the error codes as one instrumentation, in the order a {@code ChainedInstrumentation} of
 * {@link ParserLimits}, {@link DepthLimit}, {@link ComplexityLimit} and {@link ErrorCodeInstrumentation} runs them.
 * All four act on the whole operation only; chained, graphql-java still called each of them at every field
 * (fetch, completion, list, object: a dozen calls and their contexts per value), a sixth of the CPU of a 20-row
 * answer and more of a large one. Here the per-field hooks are {@link SimplePerformantInstrumentation}'s no-ops.
 */
public final class OperationInstrumentation extends SimplePerformantInstrumentation {
    private final ParserLimits parser;
    private final DepthLimit depth;
    private final ComplexityLimit complexity;
    private final ErrorCodeInstrumentation errors = new ErrorCodeInstrumentation();

    public OperationInstrumentation(OperationLimits limits, QueryCost cost) {
        this.parser = new ParserLimits(limits);
        this.depth = new DepthLimit(limits.maxDepth());
        this.complexity = new ComplexityLimit(limits.maxComplexity(), cost);
    }

    // only the complexity limit keeps a state (the validation parameters it reports with)
    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return parser.instrumentExecutionInput(input, parameters, null);
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return parser.beginParse(parameters, null);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    /** Each limit refuses by throwing graphql-java's AbortExecutionException; the depth is checked first. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        depth.beginExecuteOperation(parameters, null);
        complexity.beginExecuteOperation(parameters, state);
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return parser.instrumentExecutionResult(result, parameters, null)
                .thenCompose(r -> errors.instrumentExecutionResult(r, parameters, null));
    }
}
