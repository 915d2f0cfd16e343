package qoegraph.graphql;

import qoegraph.graphql.limits.OperationLimits;
import qoegraph.graphql.limits.QueryLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import qoegraph.wiring.LimitsConfig;

/**
 * The limits checked before anything runs, under their defaults (the shared test server sets only max-rows and
 * the timeout): GraphiQL's own introspection passes; deep, costly, long or bad-faith requests get TOO_COMPLEX with
 * the numbers in a 200 response; absurd paging values a clear error; and the server answers the same afterwards.
 */
class LimitsApiTest {
    private static final String HEALTHY = "{ sessions(orderBy: [{isp: ASC}]) { isp count p2pShare } }";
    private static TestServer server;
    private List<Map<String, Object>> healthy;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    @BeforeEach
    void answerBefore() throws Exception {
        healthy = server.rows(HEALTHY, "sessions");
        assertFalse(healthy.isEmpty());
    }

    @AfterEach
    void theSameAnswerAfter() throws Exception {
        assertEquals(healthy, server.rows(HEALTHY, "sessions"));
    }

    private static String message(String query, String code) throws Exception {
        List<Map<String, Object>> errors = server.errors(query);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
        assertEquals(code, extensions.get("code"), () -> "error: " + errors.get(0));
        String message = (String) errors.get(0).get("message");
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        return message;
    }

    @Test
    void theDefaultsAreTheOnesDocumented() {
        LimitsConfig config = server.bean(LimitsConfig.class);
        assertEquals(OperationLimits.DEFAULTS, config.toOperationLimits());
        assertEquals(QueryLimits.defaults().gate().maxConcurrent(), config.maxConcurrentQueries());
        assertEquals(QueryLimits.defaults().gate().busyWait(), config.busyWait());
        assertEquals(Duration.ofSeconds(5), config.queryTimeout(), "set by the test server");
    }

    @Test
    void graphiqlsOwnIntrospectionQueriesAnswer() throws Exception {
        for (String file : List.of("graphiql.graphql", "graphiql-all-options.graphql")) {
            String query = Files.readString(Path.of("src/test/resources/introspection", file));
            Map<String, Object> response = server.post(query);
            assertNull(response.get("errors"), () -> file + ": " + response);
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("__schema");
            assertTrue(((List<?>) schema.get("types")).size() > 50, file);
        }
    }

    @Test
    void introspectionNotInGoodFaithIsRefused() throws Exception {
        String fieldsTwice = "{ __type(name: \"Query\") { fields { type { fields { type { fields { name } } } } } } }";
        assertEquals("This request is not asking for introspection in good faith - __Type.fields is present too often!",
                message(fieldsTwice, "TOO_COMPLEX"));
        String schemaTwice = "{ a: __schema { types { name } } b: __schema { types { name } } }";
        assertEquals("This request is not asking for introspection in good faith - Query.__schema is present too often!",
                message(schemaTwice, "TOO_COMPLEX"));
    }

    @Test
    void aDataQueryNestedTooDeepGivesItsDepth() throws Exception {
        String deep = "{ sessions { count } __type(name: \"Query\") { fields { type { ofType { ofType { ofType { ofType"
                + " { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }";
        assertEquals("query depth 12 > 10, the deepest nesting of fields allowed", message(deep, "TOO_COMPLEX"));
    }

    @Test
    void manyAliasedRootFieldsCostTooMuch() throws Exception {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            query.append(" s").append(i).append(": sessions { count }");
        }
        assertEquals("query complexity 220 > 200: each dataset or report field costs 10 (one SQL statement), any other"
                + " field 1; split it into several requests", message(query + " }", "TOO_COMPLEX"));
        Map<String, Object> eighteen = server.post(query.substring(0, query.indexOf(" s18:")) + " }");
        assertNull(eighteen.get("errors"), "18 root fields cost 198: they run");
        assertEquals(18, ((Map<?, ?>) eighteen.get("data")).size());
    }

    @Test
    void aQueryWithTooManyTokensIsRefusedBeforeItIsParsedAndTheSameValuesPassAsVariables() throws Exception {
        // Five in-lists of 1000 values (the most one list may hold): over 5000 tokens written out.
        List<List<Integer>> lists = java.util.stream.IntStream.range(0, 5).mapToObj(k -> java.util.stream.IntStream
                .range(k * 1000, (k + 1) * 1000).boxed().toList()).toList();
        String inline = lists.stream().map(l -> "{stream: {in: [" + l.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" ")) + "]}}").collect(java.util.stream.Collectors.joining(" "));
        assertEquals("the query has more than 5000 tokens, the most allowed; pass long lists of values as variables",
                message("{ sessions(where: {or: [" + inline + "]}) { count } }", "TOO_COMPLEX"));
        Map<String, Object> asVariables = server.post("query($a: [Int!], $b: [Int!], $c: [Int!], $d: [Int!], $e: [Int!])"
                + " { sessions(where: {or: [{stream: {in: $a}}, {stream: {in: $b}}, {stream: {in: $c}}, {stream: {in: $d}},"
                + " {stream: {in: $e}}]}) { count } }",
                Map.of("a", lists.get(0), "b", lists.get(1), "c", lists.get(2), "d", lists.get(3), "e", lists.get(4)));
        assertNull(asVariables.get("errors"), asVariables::toString);
    }

    @Test
    void aQueryTooLongOrNestedTooDeepToParseIsRefused() throws Exception {
        String longString = "{ sessions(where: {isp: {eq: \"" + "x".repeat(100_000) + "\"}}) { count } }";
        assertEquals("the query is longer than 100000 characters, the most allowed", message(longString, "TOO_COMPLEX"));
        String nested = "{ sessions(where: " + "{not: ".repeat(600) + "{isp: {eq: \"BTP\"}}" + "}".repeat(600)
                + ") { count } }";
        assertEquals("the query nests too deeply to parse (more than 500 grammar rules)", message(nested, "TOO_COMPLEX"));
    }

    @Test
    void absurdPagingValuesAreClearErrors() throws Exception {
        assertEquals("limit: 2147483648 is not a valid Int (Expected value to be in the integer range, but it was a"
                        + " '2147483648')",
                message("{ sessions(limit: 2147483648) { count } }", "INVALID_ARGUMENT"));
        assertEquals("limit: limit must be 0 or more, got -1", message("{ sessions(limit: -1) { isp } }", "INVALID_ARGUMENT"));
        assertEquals("offset: offset must be 0 or more, got -5", message("{ sessions(offset: -5) { isp } }", "INVALID_ARGUMENT"));
        assertEquals("limit: limit 2147483647 > maximum 500; page with offset",
                message("{ sessions(limit: 2147483647) { isp } }", "LIMIT_EXCEEDED"));
        assertEquals(List.of(), server.rows("{ sessions(offset: 2147483647) { isp } }", "sessions"));
        assertEquals(List.of(), server.rows("{ sessions(limit: 0) { isp } }", "sessions"));
        assertEquals("top.n: n must be at least 1, got 0",
                message("{ sessions(top: {n: 0, by: count}) { isp count } }", "INVALID_ARGUMENT"));
        assertEquals(healthy.size(), server.rows("{ sessions(top: {n: 2147483647, by: count}) { isp count } }",
                "sessions").size());
    }
}
