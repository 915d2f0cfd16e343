package qoegraph.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bugs {@link GraphQLFuzzTest} found, one request each, so that they stay fixed whatever the fuzz's seed. */
class FuzzFindingsTest {
    private static final String JSON = "application/json";

    @TempDir
    static Path dir;
    private static HostileServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HostileServer(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOperationNameTheDocumentLacksIsTheClientsMistakeNotA500() throws Exception {
        String body = "{\"query\": \"query Good { sessions { count } }\", \"operationName\": \"Bad\"}";
        Map<?, ?> error = onlyError(post(body, JSON, JSON), 200);
        assertEquals("INVALID_QUERY", code(error));
        assertEquals("Unknown operation named 'Bad'.", error.get("message"));
        assertEquals(400, post(body, JSON, "application/graphql-response+json").statusCode(),
                "a request error, as graphql-response+json asks");
    }

    @Test
    void anEmptyOperationNameDoesNotPickTheFirstOfSeveralOperations() throws Exception {
        String body = "{\"query\": \"query A { sessions { count } } query B { users { count } }\", \"operationName\": \"\"}";
        assertEquals("INVALID_QUERY", code(onlyError(post(body, JSON, JSON), 200)));
    }

    @Test
    void aSubscriptionIsAnInvalidQueryNotAnInternalError() throws Exception {
        Map<?, ?> error = onlyError(post("{\"query\": \"subscription { sessions { count } }\"}", JSON, JSON), 200);
        assertEquals("INVALID_QUERY", code(error));
    }

    @Test
    void aBucketSoNarrowThatItOverflowsIsRefused() throws Exception {
        String body = "{\"query\": \"{ sessions { p2p(bucketWidth: 1e-320) count } }\"}";
        Map<?, ?> error = onlyError(post(body, JSON, JSON), 200);
        assertEquals("INVALID_ARGUMENT", code(error));
        assertTrue(String.valueOf(error.get("message")).contains("bucketWidth must be at least 1.0E-9"), error.toString());
    }

    @Test
    void errorsMicronautAnswersItselfHaveTheGraphQLShape() throws Exception {
        String query = "{\"query\": \"{ sessions { count } }\"}";
        assertEquals("BAD_REQUEST", code(onlyError(post(query, "application/xml", JSON), 415)));
        assertEquals("BAD_REQUEST", code(onlyError(post(query, JSON, "image/png"), 406)));
        assertEquals("BAD_REQUEST", code(onlyError(post(query, JSON, "text/html"), 406)), "JSON, not an HTML page");
        FuzzCase put = new FuzzCase(0, "put", "PUT", null, JSON, JSON, query.getBytes(StandardCharsets.UTF_8),
                FuzzCase.Expect.any());
        assertEquals("BAD_REQUEST", code(onlyError(server.send(put), 405)));
        String huge = "{\"query\": \"" + "x".repeat(12 << 20) + "\"}";
        assertEquals("BAD_REQUEST", code(onlyError(post(huge, JSON, JSON), 413)));
    }

    private static HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
        return server.send(new FuzzCase(0, "finding", "POST", null, contentType, accept,
                body.getBytes(StandardCharsets.UTF_8), FuzzCase.Expect.any()));
    }

    private static Map<?, ?> onlyError(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").contains("json"), response.headers().toString());
        Map<?, ?> body = new ObjectMapper().readValue(response.body(), Map.class);
        assertFalse(response.body().contains("Exception"), response.body());
        List<?> errors = (List<?>) body.get("errors");
        assertEquals(1, errors.size(), response.body());
        return (Map<?, ?>) errors.get(0);
    }

    private static String code(Map<?, ?> error) {
        return String.valueOf(((Map<?, ?>) error.get("extensions")).get("code"));
    }
}
