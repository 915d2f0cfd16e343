package qoegraph.graphql.errors;

import qoegraph.query.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qoegraph.sql.QueryTimeoutException;

/** What a fetcher throws leaves as an error with a code: a timeout as QUERY_TIMEOUT, our bugs as INTERNAL without details. */
class ErrorHandlerTest {

    private static GraphQLError errorOf(DataFetcher<?> fetcher) {
        GraphQLSchema schema = new graphql.schema.idl.SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { answer: Int }"),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("answer", fetcher)).build());
        GraphQL graphQL = GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ErrorHandler())
                .instrumentation(new ErrorCodeInstrumentation()).build();
        ExecutionResult result = graphQL.execute("{ answer }");
        assertEquals(1, result.getErrors().size());
        return result.getErrors().get(0);
    }

    @Test
    void aCancelledStatementIsAQueryTimeout() {
        GraphQLError error = errorOf(env -> {
            throw new QueryTimeoutException(Duration.ofSeconds(5), new SQLException("INTERRUPT SELECT secret"));
        });
        assertEquals("QUERY_TIMEOUT", error.getExtensions().get("code"));
        assertEquals("query took longer than 5000 ms and was cancelled; narrow the filter or select fewer dimensions",
                error.getMessage());
        assertEquals(List.of("answer"), error.getPath());
    }

    @Test
    void anythingElseIsInternalWithoutItsMessage() {
        GraphQLError error = errorOf(env -> {
            throw new SQLException("Binder Error: SELECT \"p2p\" FROM sessions");
        });
        assertEquals(Map.of("code", "INTERNAL"), error.getExtensions());
        assertEquals("Internal error while answering this field; the server log has the details.", error.getMessage());
    }

    @Test
    void ourApiExceptionKeepsItsCode() {
        GraphQLError error = errorOf(env -> {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "rejects(limit: 20000) must be between 0 and 10000");
        });
        assertEquals("LIMIT_EXCEEDED", error.getExtensions().get("code"));
    }
}
