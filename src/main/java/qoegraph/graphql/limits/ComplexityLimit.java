package qoegraph.graphql.limits;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/**
 * graphql-java's complexity limit with our costs ({@link QueryCost}): TOO_COMPLEX ({@link qoegraph.graphql.errors.ErrorCodeInstrumentation})
 * with both numbers and what makes the cost, before any statement runs.
 */
final class ComplexityLimit extends MaxQueryComplexityInstrumentation {

    ComplexityLimit(int maxComplexity, QueryCost cost) {
        super(maxComplexity, cost);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (!DepthLimit.hasRootType(parameters)) {
            return SimpleInstrumentationContext.noOp();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return new AbortExecutionException("query complexity " + complexity + " > " + maxComplexity + ": each dataset"
                + " or report field costs " + QueryCost.STATEMENT + " (one SQL statement), any other field "
                + QueryCost.FIELD + "; split it into several requests");
    }
}
