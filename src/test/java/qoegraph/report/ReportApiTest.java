package qoegraph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qoegraph.engine.duckdb.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report fields over a real server: typed rows, bound arguments, INVALID_ARGUMENT, extensions, catalog. */
class ReportApiTest {
    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static HttpClient client;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false,
                "qoegraph.database", dir.resolve("db.duckdb").toString()));
        DuckDb db = server.getApplicationContext().getBean(DuckDb.class);
        try (Connection connection = db.connections().open()) {
            ReportFixture.load(connection);
        }
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/graphql", body), String.class);
        assertEquals(200, response.code());
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> response, String... path) {
        Object value = response;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        assertTrue(errors != null && !errors.isEmpty(), () -> "no errors in " + response);
        return errors.get(0);
    }

    @Test
    void aReportAnswersWithTypedRowsAndItsExtensions() throws Exception {
        Map<String, Object> response = post("{ reports { ranking: userRanking(country: \"uk\") { userId country bytes"
                + " rankOverall rankInCountry phones pcs } } }", Map.of());
        assertNull(response.get("errors"), () -> "errors in " + response);
        // bob 3100 bytes (rank 1 of all, 1 in uk), dave 100 (3 of all, 2 in uk): see ReportFixture
        assertEquals(List.of(
                Map.of("userId", 2, "country", "uk", "bytes", 3100, "rankOverall", 1, "rankInCountry", 1,
                        "phones", 1, "pcs", 1),
                Map.of("userId", 4, "country", "uk", "bytes", 100, "rankOverall", 3, "rankInCountry", 2,
                        "phones", 1, "pcs", 0)), at(response, "data", "reports", "ranking"));
        Map<?, ?> extensions = (Map<?, ?>) at(response, "extensions", "fields", "reports.ranking");
        assertEquals("userRanking", extensions.get("report"));
        assertEquals(2, extensions.get("rows"));
        assertEquals(false, extensions.get("truncated"));
        assertTrue(extensions.get("ms") instanceof Number);
    }

    @Test
    void argumentsComeAsVariablesAndFloatsAsNumbers() throws Exception {
        Map<String, Object> response = post("query($n: Int, $d: Int) { reports { deviceLocations(n: $n, device: $d)"
                + " { slot bytesLocation bytesShare } } }", Map.of("n", 1, "d", 20));
        assertNull(response.get("errors"), () -> "errors in " + response);
        List<Map<String, Object>> expected = new java.util.ArrayList<>();
        expected.add(Map.of("slot", 1, "bytesLocation", "office", "bytesShare", 0.7));
        Map<String, Object> elsewhere = new LinkedHashMap<>();
        elsewhere.put("slot", null);
        elsewhere.put("bytesLocation", null);
        elsewhere.put("bytesShare", 0.3);
        expected.add(elsewhere);
        assertEquals(expected, at(response, "data", "reports", "deviceLocations"));
    }

    @Test
    void aSqlLookingArgumentIsJustAValue() throws Exception {
        Map<String, Object> response = post("query($c: String) { reports { userRanking(country: $c) { userId } } }",
                Map.of("c", "uk' OR '1'='1"));
        assertNull(response.get("errors"), () -> "errors in " + response);
        assertEquals(List.of(), at(response, "data", "reports", "userRanking"));
    }

    @Test
    void anArgumentOutOfRangeIsInvalidArgumentWithWhatToDo() throws Exception {
        Map<String, Object> error = firstError(post("{ reports { deviceLocations(n: 0) { slot } } }", Map.of()));
        assertEquals("INVALID_ARGUMENT", ((Map<?, ?>) error.get("extensions")).get("code"));
        assertEquals("deviceLocations: n is 0 but must be in 1..100 (default 3)", error.get("message"));
        assertEquals(List.of("reports", "deviceLocations"), error.get("path"));
    }

    @Test
    void anArgumentOfTheWrongTypeIsInvalidArgument() throws Exception {
        Map<String, Object> error = firstError(post("{ reports { httpVsHttps(nFr: \"six\") { userId } } }", Map.of()));
        assertEquals("INVALID_ARGUMENT", ((Map<?, ?>) error.get("extensions")).get("code"));
        assertTrue(String.valueOf(error.get("message")).contains("nFr"), () -> error.toString());
    }

    @Test
    void anExplicitNullForAnArgumentWithADefaultIsInvalidArgument() throws Exception {
        Map<String, Object> error = firstError(post("{ reports { streamHealth(minViewers: null) { stream } } }",
                Map.of()));
        assertEquals("INVALID_ARGUMENT", ((Map<?, ?>) error.get("extensions")).get("code"));
        assertEquals("streamHealth: minViewers must not be null; omit it to use the default 0", error.get("message"));
    }

    @Test
    void theCatalogListsTheReports() throws Exception {
        Map<String, Object> response = post("{ catalog { reports { name description parameters { name type required"
                + " defaultValue description } columns { name type description } } } }", Map.of());
        assertNull(response.get("errors"), () -> "errors in " + response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) at(response, "data", "catalog", "reports");
        assertEquals(List.of("userRanking", "deviceLocations", "hourProfile", "httpVsHttps", "uniqueDestinations",
                "streamHealth"), reports.stream().map(r -> r.get("name")).toList());
        Map<String, Object> https = reports.get(3);
        assertEquals(List.of(
                Map.of("name", "nFr", "type", "Int", "required", false, "defaultValue", "6",
                        "description", "How many of the heaviest French users (fr) to take. Range 0..1000."),
                Map.of("name", "nUk", "type", "Int", "required", false, "defaultValue", "8",
                        "description", "How many of the heaviest British users (uk) to take. Range 0..1000.")),
                https.get("parameters"));
        assertEquals(Map.of("name", "httpShare", "type", "Float",
                "description", "http_bytes / bytes (share 0..1); null without bytes."),
                ((List<?>) https.get("columns")).get(7));
        assertFalse(String.valueOf(https.get("description")).isBlank());
    }
}
