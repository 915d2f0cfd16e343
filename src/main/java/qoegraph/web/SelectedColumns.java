package qoegraph.web;

import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;

import java.util.List;

/**
 * The result keys (aliases included) selected under a query's one root field, in selection order, fragments
 * expanded by graphql-java's normalizer: the header of a CSV answer that has no row to take its keys from.
 */
final class SelectedColumns {
    private SelectedColumns() {
    }

    /** Empty when the request has no query text (a persisted query's hash) or more than one root field. */
    static List<String> of(GraphQLSchema schema, GraphQLRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            return List.of();
        }
        try {
            Document document = Parser.parse(request.query());
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                    .createExecutableNormalizedOperationWithRawVariables(schema, document, request.operationName(),
                            RawVariables.of(request.variables()));
            List<ExecutableNormalizedField> roots = operation.getTopLevelFields();
            if (roots.size() != 1) {
                return List.of();
            }
            return roots.get(0).getChildren().stream().map(ExecutableNormalizedField::getResultKey).distinct().toList();
        } catch (RuntimeException e) {
            return List.of();   // it ran without errors, so this is not expected; a CSV without header is the fallback
        }
    }
}
