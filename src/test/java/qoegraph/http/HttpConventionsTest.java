package qoegraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Servers;

/**
 * What a front end expects of /graphql, through a plain HTTP client (java.net.http) against a real server: POST
 * and GET, the graphql-response+json type, persisted queries, CSV, CORS for a configured origin, and the
 * health and Prometheus endpoints.
 *
 * <p>Fixture: BTP p2p 300 + 150 of 600 bytes (p2pShare 0.75, 2 viewers); {@code Fro, "the" ISP} 100 of 400 (0.25, 1).
 */
class HttpConventionsTest {
    private static final String ORIGIN = "http://localhost:5173";
    private static final String BY_ISP = "query ByIsp($isp: String) { sessions(where: {isp: {eq: $isp}}) { isp count p2pShare } }";

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(dir.resolve("db.duckdb"), Map.of(
                "micronaut.server.cors.enabled", true,
                "micronaut.server.cors.configurations.web.allowed-origins", List.of(ORIGIN)));
        Servers.execute(server, List.of("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                + "(1, 'BTP', 'Iron', true, 300, 100), (1, 'BTP', 'Iron', true, 150, 50), "
                + "(1, 'Fro, \"the\" ISP', 'Iron', true, 100, 300)"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postWithJsonVariablesAndOperationName() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", BY_ISP + " query Other { sessions { count } }");
        body.put("operationName", "ByIsp");
        body.put("variables", Map.of("isp", "BTP"));
        HttpResponse<String> response = send(post(body, "application/json"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals(List.of(Map.of("isp", "BTP", "count", 2, "p2pShare", 0.75)), rows(response.body()));
    }

    @Test
    void getRunsQueriesFromTheUrl() throws Exception {
        HttpResponse<String> response = send(get("query=" + enc(BY_ISP) + "&variables=" + enc("{\"isp\":\"BTP\"}")));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of(Map.of("isp", "BTP", "count", 2, "p2pShare", 0.75)), rows(response.body()));
    }

    @Test
    void getRefusesMutations() throws Exception {
        HttpResponse<String> response = send(get("query=" + enc("mutation { ingest }")));
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("allow").orElse(""));
        assertTrue(response.body().contains("mutations are refused over GET"), response.body());
    }

    @Test
    void graphqlResponseJsonWhenAskedFor() throws Exception {
        HttpResponse<String> ok = send(post(Map.of("query", "{ sessions { count } }"), "application/graphql-response+json"));
        assertEquals(200, ok.statusCode());
        assertEquals("application/graphql-response+json", ok.headers().firstValue("content-type").orElse(""));

        HttpResponse<String> broken = send(post(Map.of("query", "{ sessions { count "), "application/graphql-response+json"));
        assertEquals(400, broken.statusCode(), "a request that cannot run is a 400 with this type");
        assertTrue(broken.body().contains("INVALID_QUERY"), broken.body());

        HttpResponse<String> legacy = send(post(Map.of("query", "{ sessions { count "), "application/json"));
        assertEquals(200, legacy.statusCode(), "application/json keeps 200 with the errors inside");
    }

    @Test
    void automaticPersistedQueriesRoundTrip() throws Exception {
        String query = "{ sessions(orderBy: [{isp: ASC}]) { isp p2pShare } }";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));

        Map<String, Object> unknown = JSON.readValue(send(post(Map.of("extensions", extensions), "application/json")).body(), Map.class);
        Map<?, ?> error = (Map<?, ?>) ((List<?>) unknown.get("errors")).get(0);
        assertEquals("PersistedQueryNotFound", error.get("message"));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", ((Map<?, ?>) error.get("extensions")).get("code"));

        Map<String, Object> wrong = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "00" + hash.substring(2)));
        String mismatch = send(post(Map.of("query", query, "extensions", wrong), "application/json")).body();
        assertTrue(mismatch.contains("PERSISTED_QUERY_HASH_MISMATCH"), mismatch);

        String stored = send(post(Map.of("query", query, "extensions", extensions), "application/json")).body();
        assertEquals(2, rows(stored).size(), stored);
        String byHash = send(post(Map.of("extensions", extensions), "application/json")).body();
        assertEquals(rows(stored), rows(byHash), "the hash alone now runs the stored query");
        String byGet = send(get("extensions=" + enc(JSON.writeValueAsString(extensions)))).body();
        assertEquals(rows(stored), rows(byGet), "and over GET too");
    }

    /**
     * The hash sent with a query is checked against it before any cache answers, and the query is stored even when
     * the response cache answered its text first: the hash alone then hits, and another text never gets its answer.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPersistedQueryHashIsCheckedBeforeAnyCacheAndStoredWhateverAnsweredFirst() throws Exception {
        String c = "query C { sessions(orderBy: [{isp: ASC}]) { isp count } }";
        String d = "query D { sessions { p2pShare } }";
        for (int i = 0; i < 2; i++) {   // the second answer comes from the response cache
            assertEquals(2, rows(send(post(Map.of("query", c), "application/json")).body()).size());
            rows(send(post(Map.of("query", d), "application/json")).body());
        }
        String stored = send(post(Map.of("query", c, "extensions", persisted(c)), "application/json")).body();
        assertEquals(rows(stored), rows(send(post(Map.of("extensions", persisted(c)), "application/json")).body()),
                "the hash alone hits, although the response cache answered the text before");
        String byGet = send(get("extensions=" + enc(JSON.writeValueAsString(persisted(c))))).body();
        assertEquals(rows(stored), rows(byGet), "over GET too");

        Map<String, Object> mismatch = JSON.readValue(send(post(Map.of("query", d, "extensions", persisted(c)),
                "application/json")).body(), Map.class);
        assertNull(mismatch.get("data"), "d's cached answer is not given for c's hash");
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", code(mismatch));
        assertEquals(rows(stored), rows(send(post(Map.of("extensions", persisted(c)), "application/json")).body()),
                "c's hash still runs c");
    }

    @Test
    void aHashOnlyGetOfAStoredMutationIsRefused() throws Exception {
        String mutation = "mutation { refreshRollups { name } }";
        send(post(Map.of("query", mutation, "extensions", persisted(mutation)), "application/json"));
        HttpResponse<String> response = send(get("extensions=" + enc(JSON.writeValueAsString(persisted(mutation)))));
        assertEquals(405, response.statusCode(), response.body());
    }

    /** Refusals say why, in the one error shape, with a code and no empty locations or engine classifications. */
    @Test
    @SuppressWarnings("unchecked")
    void refusalsSayWhyInTheOneErrorShape() throws Exception {
        Map<String, Object> version = JSON.readValue(send(post(Map.of("query", "{ sessions { count } }", "extensions",
                Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", sha256("{ sessions { count } }")))),
                "application/json")).body(), Map.class);
        assertEquals("BAD_REQUEST", code(version));
        assertTrue(message(version).contains("version 2 is not supported"), message(version));

        HttpResponse<String> batch = send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"query\": \"{ sessions { count } }\"}]")).build());
        assertEquals(400, batch.statusCode());
        Map<String, Object> batchError = JSON.readValue(batch.body(), Map.class);
        assertEquals("BAD_REQUEST", code(batchError));
        assertTrue(message(batchError).contains("batched requests") && message(batchError).contains("not supported"),
                message(batchError));

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("query", "{ sessions { count } }", "operationName", "Missing"),
                Map.of("extensions", persisted("{ never { sent } }")),
                Map.of("query", "{ sessions { count } }", "extensions", persisted("{ other }")),
                Map.of("query", "{ sessions(limit: -1) { count } }"),
                Map.of("query", "{ sessions { nope } }"),
                Map.of("query", "{ a: sessions { count } b: sessions(timezone: \"X/Y\") { count } }"))) {
            Map<String, Object> response = JSON.readValue(send(post(body, "application/json")).body(), Map.class);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
            assertTrue(errors != null && !errors.isEmpty(), () -> body + ": " + response);
            for (Map<String, Object> error : errors) {
                Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
                assertTrue(extensions.get("code") instanceof String, () -> "a code: " + error);
                assertTrue(!error.containsKey("locations") || !((List<?>) error.get("locations")).isEmpty(),
                        () -> "no empty locations: " + error);
                Object classification = extensions.get("classification");
                assertTrue(classification == null || classification.equals(extensions.get("code")),
                        () -> "no engine classification: " + error);
            }
        }
    }

    /** The one list of rows wherever it is nested: a report, the catalog; two lists are a 400 that says so. */
    @Test
    void csvOfAReportIsItsRows() throws Exception {
        HttpResponse<String> csv = send(post(Map.of("query", "{ reports { streamHealth { stream viewers } } }"), "text/csv"));
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("stream,viewers\r\n1,3\r\n", csv.body());
        assertEquals("attachment; filename=\"streamHealth.csv\"", csv.headers().firstValue("content-disposition").orElse(""));
        HttpResponse<String> none = send(post(Map.of("query", "{ reports { streamHealth(minViewers: 4) { stream viewers } } }"),
                "text/csv"));
        assertEquals("stream,viewers\r\n", none.body(), "no rows: the header of the nested selection");
        HttpResponse<String> two = send(post(Map.of("query", "{ reports { streamHealth { stream } } sessions { count } }"),
                "text/csv"));
        assertEquals(400, two.statusCode());
        assertTrue(two.body().contains("this query selects 2 (reports.streamHealth, sessions)"), two.body());
    }

    @Test
    void csvOfOneRootFieldMatchesItsJson() throws Exception {
        String query = "{ sessions(orderBy: [{isp: ASC}]) { isp count p2pShare } }";
        HttpResponse<String> csv = send(post(Map.of("query", query), "text/csv"));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<List<String>> table = parseCsv(csv.body());
        assertEquals(List.of("isp", "count", "p2pShare"), table.get(0));
        List<Map<String, Object>> json = rows(send(post(Map.of("query", query), "application/json")).body());
        assertEquals(json.size(), table.size() - 1);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> row = json.get(i);
            assertEquals(List.of(String.valueOf(row.get("isp")), String.valueOf(row.get("count")),
                    String.valueOf(row.get("p2pShare"))), table.get(i + 1), "row " + i);
        }
        assertEquals("Fro, \"the\" ISP", table.get(2).get(0), "quoted as RFC 4180 asks");
    }

    @Test
    void aKeptAnswerSendsTheBytesItsFirstAnswerSent() throws Exception {
        // a query text of this test alone: the first request of each kind misses the response cache
        String csvQuery = "{ keptCsv: sessions(orderBy: [{isp: ASC}]) { isp count p2pShare } }";
        HttpResponse<String> first = send(post(Map.of("query", csvQuery), "text/csv"));
        HttpResponse<String> again = send(post(Map.of("query", csvQuery), "text/csv"));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals(first.headers().firstValue("content-disposition"), again.headers().firstValue("content-disposition"));
        assertEquals("isp,count,p2pShare\r\nBTP,2,0.75\r\n\"Fro, \"\"the\"\" ISP\",1,0.25\r\n", again.body());

        // another statement, which the row cache has not seen either
        String jsonQuery = "{ keptJson: sessions(orderBy: [{isp: DESC}]) { isp count p2pShare } }";
        String miss = send(post(Map.of("query", jsonQuery), "application/json")).body();
        String hit = send(post(Map.of("query", jsonQuery), "application/json")).body();
        assertTrue(miss.contains("\"cached\":false"), miss);
        assertEquals(miss.replace("\"cached\":false", "\"cached\":true").replaceAll("\"ms\":\\d+", "\"ms\":0"), hit,
                "the stored JSON is the first answer's, marked as a hit");
        assertEquals(hit, send(post(Map.of("query", jsonQuery), "application/json")).body());
        // the same kept answer as CSV: written from it at the first CSV hit
        assertEquals("isp,count,p2pShare\r\n\"Fro, \"\"the\"\" ISP\",1,0.25\r\nBTP,2,0.75\r\n",
                send(post(Map.of("query", jsonQuery), "text/csv")).body());
    }

    @Test
    void csvOfNoRowsStillHasTheHeaderOfTheSelection() throws Exception {
        String query = "query($isp: String!) { sessions(where: {isp: {eq: $isp}}) { provider: isp ...Sizes } }"
                + " fragment Sizes on SessionsRow { count share: p2pShare }";
        HttpResponse<String> csv = send(post(Map.of("query", query, "variables", Map.of("isp", "no such ISP")),
                "text/csv"));
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("provider,count,share\r\n", csv.body(), "the aliases and the fragment's fields, in order");
        HttpResponse<String> some = send(post(Map.of("query", query, "variables", Map.of("isp", "BTP")), "text/csv"));
        assertEquals("provider,count,share\r\nBTP,2,0.75\r\n", some.body(), "the same header as with rows");
    }

    @Test
    void csvRefusesSeveralRootFields() throws Exception {
        HttpResponse<String> response = send(post(Map.of("query", "{ a: sessions { count } b: sessions { isp } }"), "text/csv"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("one list of rows; this query selects 2 (a, b)"), response.body());
    }

    @Test
    void corsPreflightFromAConfiguredOrigin() throws Exception {
        HttpResponse<String> allowed = send(preflight(ORIGIN));
        assertEquals(200, allowed.statusCode());
        assertEquals(ORIGIN, allowed.headers().firstValue("access-control-allow-origin").orElse(""));
        HttpResponse<String> other = send(preflight("http://evil.example"));
        assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty(), "no CORS for other origins");
        assertTrue(other.statusCode() >= 400, "refused: " + other.statusCode());
    }

    @Test
    void healthAndQueryTimersByDataset() throws Exception {
        send(post(Map.of("query", "{ sessions { count } }"), "application/json"));
        String refused = send(post(Map.of("query", "{ sessions(limit: 2000000000) { count } }"), "application/json")).body();
        assertTrue(refused.contains("LIMIT_EXCEEDED"), refused);
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")).build());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("UP"), health.body());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/prometheus")).build());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_query_seconds_count{")
                && l.contains("dataset=\"sessions\"") && l.contains("outcome=\"ok\"")), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_query_seconds_count{")
                && l.contains("dataset=\"sessions\"") && l.contains("outcome=\"error\"")), "the refused limit: "
                + metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_statements_max ")
                && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) >= 1), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_statements_running ")), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_statements_prepared_total ")
                && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) >= 1), "the sessions query was prepared: "
                + metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_statements_reused_total ")), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("qoegraph_connections_idle ")), metrics.body());
    }

    static HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(uri("/graphql")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
    }

    private static HttpRequest post(Map<String, Object> body, String accept) throws Exception {
        return HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static Map<String, Object> persisted(String query) throws Exception {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(query)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> response) {
        return (String) ((Map<String, Object>) ((List<Map<String, Object>>) response.get("errors")).get(0).get("extensions"))
                .get("code");
    }

    @SuppressWarnings("unchecked")
    private static String message(Map<String, Object> response) {
        return (String) ((List<Map<String, Object>>) response.get("errors")).get(0).get("message");
    }

    private static HttpRequest get(String params) {
        return HttpRequest.newBuilder(uri("/graphql?" + params)).header("Accept", "application/json").build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String body) throws Exception {
        Map<String, Object> response = JSON.readValue(body, Map.class);
        assertNull(response.get("errors"), body);
        return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get("sessions");
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; lines end with CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return lines;
    }
}
