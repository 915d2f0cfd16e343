package qoegraph.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS is off by default: a preflight from a front-end dev server gets no Access-Control-Allow-Origin. */
class CorsOffTest {

    @Test
    void aPreflightIsRefusedWhenNoOriginIsConfigured(@TempDir Path dir) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false,
                "qoegraph.database", dir.resolve("db.duckdb").toString()))) {
            HttpRequest preflight = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST").build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.headers().firstValue("access-control-allow-origin").isEmpty(),
                    () -> "CORS headers with CORS off: " + response.headers());
        }
    }
}
