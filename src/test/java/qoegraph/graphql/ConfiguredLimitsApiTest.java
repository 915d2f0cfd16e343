package qoegraph.graphql;

import qoegraph.graphql.limits.QueryLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Servers;
import qoegraph.sql.QueryGate;
import qoegraph.testsupport.QueriesDir;

/**
 * The limits as configured, on a server of their own with small values and a report that never ends on its own
 * ({@code pairs}: 10^14 pairs): a slow statement is cancelled at the timeout with QUERY_TIMEOUT and
 * gives back its connection and its turn, so more timeouts than the cap of statements at once leave the server
 * answering; beyond the cap a statement waits briefly, then gets BUSY. Every answer is a 200 within the HTTP
 * client's time limit (a statement left running for hours would miss it), and the server answers the same after.
 */
class ConfiguredLimitsApiTest {
    private static final String SLOW = "{ reports { pairs { pairs } } }";
    private static final String HEALTHY = "{ sessions(orderBy: [{isp: ASC}]) { isp count } }";
    private static final String PAIRS = """
            -- name: pairs
            -- description: Pairs of numbers below 10^7 whose sum is not 3 modulo 7: 10^14 pairs, hours of work.
            -- column: pairs Long | The pairs counted.
            SELECT count(*) AS pairs FROM range(10000000) AS a, range(10000000) AS b WHERE (a.range + b.range) % 7 <> 3
            """;

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static QueryGate gate;
    private static Object healthy;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "qoegraph.queries-dir", QueriesDir.withReport(dir, "pairs.sql", PAIRS).toString(),
                "qoegraph.limits.query-timeout", "2s",
                "qoegraph.limits.max-concurrent-queries", 2,
                "qoegraph.limits.busy-wait", "100ms",
                "qoegraph.limits.max-depth", 3,
                "qoegraph.limits.max-complexity", 40,
                "qoegraph.limits.max-tokens", 50));
        // Every request here must reach the database: no cache answers in front of the statement limits.
        properties.put("qoegraph.cache.enabled", false);
        server = Servers.start(dir.resolve("db.duckdb"), properties);
        Servers.loadFixtures(server);
        gate = server.getApplicationContext().getBean(QueryLimits.class).gate();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void theServerAnswersTheSameAfter() throws Exception {
        Map<String, Object> after = post(HEALTHY).join();
        assertNull(after.get("errors"), after::toString);
        if (healthy == null) {
            healthy = after.get("data");
        }
        assertEquals(healthy, after.get("data"));
        assertEquals(0, gate.running());
    }

    /** A POST to /graphql whose answer must be a 200 within 30 s (a statement not cancelled runs for hours). */
    private CompletableFuture<Map<String, Object>> post(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            assertEquals(200, response.statusCode(), response::body);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = json.readValue(response.body(), Map.class);
                return body;
            } catch (Exception e) {
                throw new IllegalStateException(response.body(), e);
            }
        });
    }

    /** The one error of a response, checked for its code; its message. */
    private static String error(Map<String, Object> response, String code) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        assertEquals(1, errors == null ? 0 : errors.size(), response::toString);
        assertEquals(code, ((Map<?, ?>) errors.get(0).get("extensions")).get("code"), response::toString);
        return (String) errors.get(0).get("message");
    }

    @Test
    void slowStatementsAreCancelledAtTheTimeoutAndGiveTheirTurnsBack() throws Exception {
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<Map<String, Object>>> slow = List.of(post(SLOW), post(SLOW));
            for (CompletableFuture<Map<String, Object>> response : slow) {
                Map<String, Object> answer = response.join();
                assertEquals("query took longer than 2000 ms and was cancelled; narrow the filter or select fewer"
                        + " dimensions", error(answer, "QUERY_TIMEOUT"), "round " + round);
                @SuppressWarnings("unchecked")
                List<Object> path = (List<Object>) ((List<Map<String, Object>>) answer.get("errors")).get(0).get("path");
                assertEquals(List.of("reports", "pairs"), path);
            }
        }
    }

    @Test
    void beyondTheCapAStatementWaitsBrieflyThenGetsBusyWhileTheCatalogStillAnswers() throws Exception {
        List<CompletableFuture<Map<String, Object>>> slow = List.of(post(SLOW), post(SLOW));
        while (gate.running() < 2) {
            Thread.sleep(5);
        }
        assertEquals("the server is busy: 2 queries are running, the most it runs at once, and none finished within"
                + " 100 ms; retry in a moment", error(post(HEALTHY).join(), "BUSY"));
        Map<String, Object> catalog = post("{ catalog { tables { name } } }").join();
        assertNull(catalog.get("errors"), "the catalog runs no statement through the gate: " + catalog);
        for (CompletableFuture<Map<String, Object>> response : slow) {
            error(response.join(), "QUERY_TIMEOUT");
        }
    }

    @Test
    void theConfiguredDepthComplexityAndTokenLimitsApply() throws Exception {
        assertEquals("query depth 4 > 3, the deepest nesting of fields allowed",
                error(post("{ catalog { files { rejects { line } } } }").join(), "TOO_COMPLEX"));
        assertEquals("query complexity 44 > 40: each dataset or report field costs 10 (one SQL statement), any other"
                + " field 1; split it into several requests",
                error(post("{ a: sessions { count } b: sessions { count } c: sessions { count } d: sessions { count } }")
                        .join(), "TOO_COMPLEX"));
        assertEquals("the query has more than 50 tokens, the most allowed; pass long lists of values as variables",
                error(post("{ sessions(where: {stream: {in: [" + "1 ".repeat(50) + "]}}) { count } }").join(),
                        "TOO_COMPLEX"));
        assertTrue(post("{ a: sessions { count } b: sessions { count } c: sessions { count } }").join()
                .get("errors") == null, "three root fields cost 33");
    }
}
