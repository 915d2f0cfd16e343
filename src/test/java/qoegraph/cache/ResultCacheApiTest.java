package qoegraph.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qoegraph.engine.duckdb.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache through a real server: a repeated query is a hit with the same rows, other variables miss,
 * a data change (here: rows inserted, then {@link DataVersion#changed()}) empties it, the bound holds, and with
 * {@code qoegraph.cache.enabled=false} nothing is ever a hit.
 *
 * <p>Fixture: stream 1 has 2 viewers (BTP), stream 2 one (Fro); every row has p2p + cdn = 400 bytes.
 */
class ResultCacheApiTest {
    private static final String BY_STREAM = "query($s: Int) { sessions(where: {stream: {eq: $s}}) { isp count totalBytes } }";
    private static final long SIZE = 40;

    @TempDir
    static Path dir;
    private static EmbeddedServer cached;
    private static EmbeddedServer uncached;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        cached = server("cached", Map.of("qoegraph.cache.size", SIZE));
        uncached = server("uncached", Map.of("qoegraph.cache.enabled", false));
    }

    private static EmbeddedServer server(String name, Map<String, Object> cache) throws SQLException {
        Map<String, Object> properties = new LinkedHashMap<>(cache);
        properties.put("micronaut.server.port", -1);
        properties.put("qoegraph.sample-on-first-start", false);
        properties.put("qoegraph.database", dir.resolve(name + ".duckdb").toString());
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        execute(server, "INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                + "(1, 'BTP', 'Iron', true, 300, 100), (1, 'BTP', 'Iron', true, 350, 50), (2, 'Fro', 'Iron', false, 0, 400)");
        return server;
    }

    private static void execute(EmbeddedServer server, String sql) throws SQLException {
        DuckDb db = server.getApplicationContext().getBean(DuckDb.class);
        try (Connection connection = db.connections().open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each test starts with empty caches (results and whole responses), whatever ran before it. */
    @BeforeEach
    void empty() {
        cached.getApplicationContext().getBean(DataVersion.class).changed();
    }

    @AfterAll
    static void stop() {
        List.of(cached, uncached).forEach(EmbeddedServer::close);
    }

    @Test
    void aRepeatedQueryIsAHitWithTheSameRows() throws Exception {
        Map<String, Object> first = post(cached, BY_STREAM, Map.of("s", 1));
        Map<String, Object> second = post(cached, BY_STREAM, Map.of("s", 1));
        assertEquals(false, field(first, "sessions").get("cached"));
        assertEquals(true, field(second, "sessions").get("cached"));
        assertEquals(List.of(Map.of("isp", "BTP", "count", 2, "totalBytes", 800)), rows(first, "sessions"));
        assertEquals(rows(first, "sessions"), rows(second, "sessions"));
        assertEquals("sessions", field(second, "sessions").get("table"), "a hit still says what served it");
    }

    @Test
    void otherVariablesMiss() throws Exception {
        post(cached, BY_STREAM, Map.of("s", 1));
        Map<String, Object> other = post(cached, BY_STREAM, Map.of("s", 2));
        assertEquals(false, field(other, "sessions").get("cached"));
        assertEquals(List.of(Map.of("isp", "Fro", "count", 1, "totalBytes", 400)), rows(other, "sessions"));
    }

    @Test
    void aDataChangeEmptiesTheCache() throws Exception {
        String query = "{ sessions(where: {stream: {eq: 3}}) { count } }";
        assertEquals(List.of(Map.of("count", 0)), rows(post(cached, query, Map.of()), "sessions"));
        assertEquals(true, field(post(cached, query, Map.of()), "sessions").get("cached"));
        execute(cached, "INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES (3, 'Olga', 'Iron', true, 1, 1)");
        assertEquals(true, field(post(cached, query, Map.of()), "sessions").get("cached"),
                "unseen by the cache until the data version moves");
        cached.getApplicationContext().getBean(DataVersion.class).changed();
        Map<String, Object> after = post(cached, query, Map.of());
        assertEquals(false, field(after, "sessions").get("cached"));
        assertEquals(List.of(Map.of("count", 1)), rows(after, "sessions"));
    }

    @Test
    void reportsAreCachedToo() throws Exception {
        String query = "{ reports { streamHealth(minViewers: 2) { stream viewers } } }";
        Map<String, Object> first = post(cached, query, Map.of());
        Map<String, Object> second = post(cached, query, Map.of());
        assertEquals(false, field(first, "reports.streamHealth").get("cached"));
        assertEquals(true, field(second, "reports.streamHealth").get("cached"));
        assertEquals(reportRows(first), reportRows(second));
        assertEquals(List.of(Map.of("stream", 1, "viewers", 2)), reportRows(first));
    }

    @Test
    void theBoundHolds() throws Exception {
        ResultCache cache = cached.getApplicationContext().getBean(ResultCache.class);
        for (int stream = 10; stream < 40; stream++) {
            post(cached, "query($s: Int) { sessions(where: {stream: {gte: $s}}) { isp browser count } }", Map.of("s", stream));
            assertTrue(cache.weight() <= SIZE, () -> "weight " + cache.weight() + " over " + SIZE);
        }
        assertTrue(cache.weight() > 0);
    }

    @Test
    void disabledNeverHits() throws Exception {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> response = post(uncached, BY_STREAM, Map.of("s", 1));
            assertEquals(false, field(response, "sessions").get("cached"));
            assertEquals(List.of(Map.of("isp", "BTP", "count", 2, "totalBytes", 800)), rows(response, "sessions"));
        }
    }

    private static Map<String, Object> post(EmbeddedServer server, String query, Map<String, Object> variables)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JSON.readValue(response.body(), Map.class);
        assertNull(parsed.get("errors"), () -> "errors in " + parsed);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> response, String key) {
        Map<String, Object> extensions = (Map<String, Object>) response.get("extensions");
        return ((Map<String, Map<String, Object>>) extensions.get("fields")).get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reportRows(Map<String, Object> response) {
        Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("reports");
        return (List<Map<String, Object>>) reports.get("streamHealth");
    }
}
