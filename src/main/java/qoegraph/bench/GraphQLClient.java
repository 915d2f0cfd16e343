package qoegraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs GraphQL queries to one server (java.net.http, HTTP/1.1 keep-alive, thread-safe) and reads its heap from
 * {@code /prometheus}. A reply is clean when the status is 200, there is data and there are no errors.
 */
public final class GraphQLClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI graphql;
    private final URI prometheus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the server's root, e.g. {@code http://localhost:8080} (a trailing {@code /graphql} is dropped) */
    public GraphQLClient(String base) {
        String root = base.replaceAll("/+$", "").replaceAll("/graphql$", "");
        this.graphql = URI.create(root + "/graphql");
        this.prometheus = URI.create(root + "/prometheus");
    }

    /**
     * One answer: the parsed body (null when the exchange failed) and the wall time of the exchange.
     *
     * @param problem why it is not clean; null when it is
     */
    public record Reply(int status, Map<String, Object> body, long nanos, String problem) {
        public boolean clean() {
            return problem == null;
        }

        /** {@code extensions.fields.<field>}, or an empty map. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> field(String name) {
            Object extensions = body == null ? null : body.get("extensions");
            Object fields = extensions instanceof Map<?, ?> e ? e.get("fields") : null;
            Object field = fields instanceof Map<?, ?> f ? f.get(name) : null;
            return field instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
    }

    public Reply post(String query, Map<String, Object> variables) {
        long started = System.nanoTime();
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("query", query);
            request.put("variables", variables);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(graphql).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - started;
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(response.body(), Map.class);
            return new Reply(response.statusCode(), body, nanos, problem(response.statusCode(), body));
        } catch (IOException e) {
            return new Reply(0, null, System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, System.nanoTime() - started, "interrupted");
        }
    }

    private static String problem(int status, Map<String, Object> body) {
        if (status != 200) {
            return "HTTP " + status;
        }
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return "errors: " + errors.get(0);
        }
        return body.get("data") == null ? "no data" : null;
    }

    /** The server's used heap in bytes (sum of its heap pools on /prometheus), or -1 when it cannot be read. */
    public long heapUsed() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Prometheus.sum(response.body(), "jvm_memory_used_bytes", "area=\"heap\"") : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
