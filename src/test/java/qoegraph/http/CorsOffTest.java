package qoegraph.http;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS is off by default: a preflight from a front-end dev server gets no Access-Control-Allow-Origin, and a request
 * from another origin a 403 in the JSON error shape, saying how to turn CORS on.
 */
class CorsOffTest {

    @Test
    void aPreflightIsRefusedWhenNoOriginIsConfigured(@TempDir Path dir) throws Exception {
        try (EmbeddedServer server = Servers.start(dir.resolve("db.duckdb"), Map.of())) {
            HttpRequest preflight = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST").build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.headers().firstValue("access-control-allow-origin").isEmpty(),
                    () -> "CORS headers with CORS off: " + response.headers());

            // a page of another origin gets a 403 that says why and how to let it in, in the one error shape
            HttpRequest post = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                    .header("Origin", "http://app.example").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ sessions { count } }\"}")).build();
            HttpResponse<String> refused = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode());
            assertTrue(refused.headers().firstValue("content-type").orElse("").startsWith("application/json"));
            Map<?, ?> error = (Map<?, ?>) ((List<?>) new ObjectMapper().readValue(refused.body(), Map.class).get("errors")).get(0);
            assertEquals("FORBIDDEN", ((Map<?, ?>) error.get("extensions")).get("code"));
            assertTrue(String.valueOf(error.get("message")).contains("micronaut.server.cors.enabled=true"), refused.body());
        }
    }
}
