package qoegraph.web;

import graphql.ExecutionInput;
import qoegraph.graphql.Caller;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.util.List;
import java.util.Map;

/**
 * One GraphQL-over-HTTP request, from a POST body or GET parameters. The query may be absent when an APQ client
 * sends only the hash of a persisted query ({@code extensions.persistedQuery.sha256Hash}).
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                      Map<String, Object> extensions) {

    GraphQLRequest {
        // An empty name is no name: with several operations graphql-java would otherwise run the first one.
        operationName = operationName == null || operationName.isEmpty() ? null : operationName;
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    /** What identifies the document: its text, or a persisted query's hash when the text is absent. */
    String documentKey() {
        if (query != null && !query.isBlank()) {
            return query;
        }
        return "sha256:" + extensions.get("persistedQuery");
    }

    boolean hasQueryOrHash() {
        return (query != null && !query.isBlank()) || extensions.containsKey("persistedQuery");
    }

    /** @param caller who asks: the mutations read it from the GraphQL context */
    ExecutionInput toExecutionInput(Caller caller) {
        String text = query == null || query.isBlank() ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : query;
        return ExecutionInput.newExecutionInput(text).operationName(operationName).variables(variables)
                .extensions(extensions).graphQLContext(Map.of(Caller.class, caller)).build();
    }

    /** True when the operation to run is a mutation (or a subscription): those are refused over GET. */
    boolean isMutation() {
        if (query == null || query.isBlank()) {
            return false;
        }
        try {
            Document document = Parser.parse(query);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return operations.stream()
                    .filter(o -> operationName == null || operationName.equals(o.getName()))
                    .anyMatch(o -> o.getOperation() != OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
