package qoegraph.http;

import graphql.ExecutionInput;
import qoegraph.graphql.fetch.Caller;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.util.List;
import java.util.Map;

/**
 * One GraphQL-over-HTTP request, from a POST body or GET parameters. The query may be absent when an APQ client
 * sends only the hash of a persisted query ({@code extensions.persistedQuery.sha256Hash}): {@link PersistedQueries}
 * fills it in before the request runs.
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                      Map<String, Object> extensions) {

    GraphQLRequest {
        // An empty name is no name: with several operations graphql-java would otherwise run the first one.
        operationName = operationName == null || operationName.isEmpty() ? null : operationName;
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    boolean hasQueryOrHash() {
        return hasQuery() || extensions.containsKey(PersistedQueries.EXTENSION);
    }

    /** This request with the text of its persisted query. */
    GraphQLRequest withQuery(String text) {
        return new GraphQLRequest(text, operationName, variables, extensions);
    }

    /** @param caller who asks: the mutations read it from the GraphQL context */
    ExecutionInput toExecutionInput(Caller caller) {
        return ExecutionInput.newExecutionInput(query).operationName(operationName).variables(variables)
                .extensions(extensions).graphQLContext(Map.of(Caller.class, caller)).build();
    }

    /** True when the operation to run is a mutation (or a subscription): those are refused over GET. */
    boolean isMutation() {
        if (!hasQuery()) {
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
