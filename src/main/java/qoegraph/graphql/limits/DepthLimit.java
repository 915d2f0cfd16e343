package qoegraph.graphql.limits;

import graphql.schema.GraphQLSchema;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Selection;

import java.util.List;

/**
 * graphql-java's depth limit, for data queries: a request that only introspects ({@code __schema}, {@code __type},
 * as GraphiQL and codegen tools send it, 13 levels deep) is held to good-faith introspection instead, so the
 * limit can stay near the depth of our own schema. TOO_COMPLEX ({@link qoegraph.graphql.errors.ErrorCodeInstrumentation}) with both numbers.
 */
final class DepthLimit extends MaxQueryDepthInstrumentation {
    DepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        List<Selection> roots = parameters.getExecutionContext().getOperationDefinition().getSelectionSet()
                .getSelections();
        if (roots.stream().allMatch(DepthLimit::isIntrospection) || !hasRootType(parameters)) {
            return SimpleInstrumentationContext.noOp();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * False for an operation the schema has no root type for (a subscription): graphql-java's traversal asserts on
     * it, while its execution, which runs after the instrumentations, answers it with a proper error.
     */
    static boolean hasRootType(InstrumentationExecuteOperationParameters parameters) {
        GraphQLSchema schema = parameters.getExecutionContext().getGraphQLSchema();
        return switch (parameters.getExecutionContext().getOperationDefinition().getOperation()) {
            case QUERY -> true;
            case MUTATION -> schema.getMutationType() != null;
            case SUBSCRIPTION -> schema.getSubscriptionType() != null;
        };
    }

    private static boolean isIntrospection(Selection<?> selection) {
        return selection instanceof Field field && field.getName().startsWith("__");
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new AbortExecutionException("query depth " + depth + " > " + maxDepth
                + ", the deepest nesting of fields allowed");
    }
}
