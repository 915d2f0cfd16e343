package qoegraph.http;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP caching of GET answers: a validator from the data version and the request, 304 for a validator that still
 * holds, a new validator after an ingest (through the admin mutation, as an operator would do it).
 */
class HttpCachingTest {
    private static final String ADMIN = "admin-token-of-the-http-caching-test";
    private static final String QUERY = "{ sessions(orderBy: [{isp: ASC}]) { isp count } }";

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(dir.resolve("db.duckdb"), Map.of(
                "qoegraph.security.admin-token", ADMIN,
                "qoegraph.security.ingest-dir", dir.toString()));
        ingest("first.csv", "1,BTP,Iron,true,300,100\n1,BTP,Iron,true,150,50\n1,Fro,Iron,true,100,300\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGetAnswerCarriesAValidatorAndIfNoneMatchGets304() throws Exception {
        HttpResponse<String> first = get(QUERY, "application/json", null);
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals("no-cache", first.headers().firstValue("cache-control").orElse(""));
        assertTrue(first.headers().allValues("vary").stream().anyMatch(v -> v.contains("Accept")), first.headers().toString());

        HttpResponse<String> again = get(QUERY, "application/json", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("etag").orElse(""));
        assertEquals(200, get(QUERY, "application/json", "W/\"another\"").statusCode());

        String csv = get(QUERY, "text/csv", null).headers().firstValue("etag").orElseThrow();
        assertNotEquals(etag, csv, "one URL, two media types: two validators");
    }

    @Test
    void answersWithErrorsAndPostsCarryNoValidator() throws Exception {
        HttpResponse<String> failed = get("{ sessions(timezone: \"Nowhere/X\") { count } }", "application/json", null);
        assertTrue(failed.headers().firstValue("etag").isEmpty());
        assertEquals("no-store", failed.headers().firstValue("cache-control").orElse(""));
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", QUERY)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(post.headers().firstValue("etag").isEmpty());
    }

    @Test
    void anIngestChangesTheValidatorAndTheAnswer() throws Exception {
        String query = "{ sessions { count } }";
        HttpResponse<String> before = get(query, "application/json", null);
        String etag = before.headers().firstValue("etag").orElseThrow();
        ingest("second.csv", "2,Olga,Swamp,false,0,10\n");
        HttpResponse<String> after = get(query, "application/json", etag);
        assertEquals(200, after.statusCode(), "the old validator no longer holds");
        assertNotEquals(etag, after.headers().firstValue("etag").orElse(""));
        assertEquals(count(before.body()) + 1, count(after.body()), "the answer has the new row");
        assertEquals(304, get(query, "application/json", after.headers().firstValue("etag").orElseThrow()).statusCode());
    }

    private static void ingest(String name, String rows) throws Exception {
        Files.writeString(dir.resolve(name), "#stream,isp,browser,connected,p2p,cdn\n" + rows);
        String mutation = "mutation { ingest(paths: [\"" + name + "\"]) { loaded } }";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", mutation)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains("\"loaded\""), response.body());
    }

    @SuppressWarnings("unchecked")
    private static long count(String body) throws Exception {
        Map<String, Object> data = (Map<String, Object>) JSON.readValue(body, Map.class).get("data");
        return ((Number) ((List<Map<String, Object>>) data.get("sessions")).get(0).get("count")).longValue();
    }

    private static HttpResponse<String> get(String query, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", accept);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
