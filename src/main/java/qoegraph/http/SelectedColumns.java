package qoegraph.http;

import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;

import java.util.List;

/**
 * The result keys (aliases included) selected under one field of a query, found by its response path, in selection
 * order, fragments expanded by graphql-java's normalizer: the header of a CSV answer that has no row to take its keys
 * from.
 */
final class SelectedColumns {
    private SelectedColumns() {
    }

    /** @param path the field's response path ({@code ["reports", "streamHealth"]}); empty list when not found */
    static List<String> of(GraphQLSchema schema, GraphQLRequest request, List<String> path) {
        if (!request.hasQuery() || path.isEmpty()) {
            return List.of();
        }
        try {
            Document document = Parser.parse(request.query());
            ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                    .createExecutableNormalizedOperationWithRawVariables(schema, document, request.operationName(),
                            RawVariables.of(request.variables()));
            List<ExecutableNormalizedField> level = operation.getTopLevelFields();
            ExecutableNormalizedField field = null;
            for (String key : path) {
                field = level.stream().filter(f -> f.getResultKey().equals(key)).findFirst().orElse(null);
                if (field == null) {
                    return List.of();
                }
                level = field.getChildren();
            }
            return level.stream().map(ExecutableNormalizedField::getResultKey).distinct().toList();
        } catch (RuntimeException e) {
            return List.of();   // it ran without errors, so this is not expected; a CSV without header is the fallback
        }
    }
}
