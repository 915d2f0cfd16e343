package qoegraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.cookbook.CookbookTest;
import qoegraph.testsupport.Servers;

/**
 * Streamed answers send the bytes the whole answers sent: two servers over the same generated sample, one streaming
 * ({@code qoegraph.stream.enabled} on, the default) and one not, answer the same requests in the same order, and
 * every answer's status, headers and body are compared byte for byte (only {@code extensions.fields.*.ms}, a
 * measured time, is read as 0 on both sides, and the fields under {@code extensions} compared as a map: several root
 * fields report in the order they finish). The requests: every README cookbook query, every dataset with every
 * field that takes no required argument, and aliases, fragments, directives, {@code __typename}, repeated fields,
 * several root fields, empty answers, errors and partial data; each as JSON, then again (a response cache hit), then
 * as CSV (the kept answer's CSV), then as a new CSV request (a streamed CSV), then over GET with its validator.
 */
class StreamedAnswersTest {
    @TempDir
    static Path dir;
    private static EmbeddedServer streamed;
    private static EmbeddedServer whole;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Path sample = dir.resolve("sample");
        Map<String, Object> common = Map.of("qoegraph.sample-on-first-start", true,
                "qoegraph.sample-dir", sample.toString(), "qoegraph.sample-scale", 0.01);
        streamed = Servers.start(dir.resolve("streamed.duckdb"), common);
        Map<String, Object> off = new LinkedHashMap<>(common);
        off.put("qoegraph.stream.enabled", false);
        whole = Servers.start(dir.resolve("whole.duckdb"), off);
    }

    @AfterAll
    static void stop() {
        Stream.of(streamed, whole).filter(s -> s != null).forEach(EmbeddedServer::close);
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerHasTheBytesOfTheWholeAnswer() throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (CookbookTest.Entry e : CookbookTest.entries(Files.readString(Path.of("README.md")))) {
            queries.add(new String[] {"cookbook: " + e.title(), e.query()});
        }
        for (String dataset : List.of("sessions", "traffic", "dnsRequests", "httpRequests", "locations", "devices", "users")) {
            queries.add(new String[] {"every field of " + dataset, everyField(dataset)});
        }
        queries.addAll(List.of(
                new String[] {"aliases and repeats", "{ a: traffic(limit: 7, orderBy: {field: bytes, direction: DESC})"
                        + " { x: id id y: bytes dstPort id } b: sessions { isp n: count count p2p } }"},
                new String[] {"fragments and directives", "query Q($s: Boolean = true) { traffic(limit: 9) { ...F bytes"
                        + " @skip(if: $s) id @include(if: $s) ... on TrafficRow { srcIp } } } fragment F on TrafficRow"
                        + " { dstPort ts }"},
                new String[] {"__typename", "{ __typename sessions { __typename isp t: __typename count } }"},
                new String[] {"several roots", "{ catalog { tables { name } } sessions { isp count } s2: sessions(limit: 2) { browser } }"},
                new String[] {"empty answer", "{ sessions(where: {isp: {eq: \"nobody\"}}) { isp count } }"},
                new String[] {"time zone", "{ traffic(limit: 20, timezone: \"Asia/Kolkata\") { ts(granularity: HOUR) bytes } }"},
                new String[] {"debug", "{ sessions(debug: true, where: {isp: {in: [\"Fro\", \"Olga\"]}}) { isp browser p2pShare } }"},
                new String[] {"validation error", "{ sessions { isp nothing } }"},
                new String[] {"limit exceeded", "{ traffic(limit: 100000000) { id } }"},
                new String[] {"partial data", "{ a: sessions { isp count } b: traffic(limit: 100000000) { id } }"}));
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] q : queries) {
            tests.add(dynamicTest(q[0], () -> assertSameAnswers(q[1])));
        }
        return tests.stream();
    }

    @Test
    void aLargeAnswerIsStreamedInChunks() throws Exception {
        String query = "{ traffic(limit: 100000) { id ts srcIp dstIp dstPort bytes } }";
        HttpResponse<byte[]> answer = send(streamed, post(query + " ", "application/json"));
        assertEquals(200, answer.statusCode());
        assertEquals(Optional.empty(), answer.headers().firstValue("content-length"), "sent in chunks");
        Map<?, ?> body = JSON.readValue(answer.body(), Map.class);
        List<?> rows = (List<?>) ((Map<?, ?>) body.get("data")).get("traffic");
        assertTrue(rows.size() > 10_000, "a large answer: " + rows.size());
        assertEquals(masked(send(whole, post(query + " ", "application/json")).body()), masked(answer.body()));
    }

    private static String everyField(String dataset) throws IOException, InterruptedException {
        String type = Character.toUpperCase(dataset.charAt(0)) + dataset.substring(1).replaceAll("s$", "") + "Row";
        Map<?, ?> schema = JSON.readValue(send(whole, post("{ __schema { queryType { fields { name type { ofType"
                + " { ofType { name ofType { name } } name } name } } } } }", "application/json")).body(), Map.class);
        String rowType = rowTypeOf(schema, dataset);
        Map<?, ?> fields = JSON.readValue(send(whole, post("{ __type(name: \"" + rowType + "\") { fields { name args"
                + " { name type { kind } } } } }", "application/json")).body(), Map.class);
        List<String> names = new ArrayList<>();
        for (Object f : (List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) fields.get("data")).get("__type"))).get("fields")) {
            Map<?, ?> field = (Map<?, ?>) f;
            boolean required = ((List<?>) field.get("args")).stream()
                    .anyMatch(a -> "NON_NULL".equals(((Map<?, ?>) ((Map<?, ?>) a).get("type")).get("kind")));
            if (!required) {
                names.add((String) field.get("name"));
            }
        }
        assertTrue(names.size() > 3, type + ": " + names);
        return "{ " + dataset + "(limit: 40) { " + String.join(" ", names) + " } }";
    }

    /** The element type of the root field {@code dataset}: [XRow] or [XRow!]!. */
    private static String rowTypeOf(Map<?, ?> schema, String dataset) {
        Map<?, ?> queryType = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schema.get("data")).get("__schema")).get("queryType");
        for (Object f : (List<?>) queryType.get("fields")) {
            Map<?, ?> field = (Map<?, ?>) f;
            if (field.get("name").equals(dataset)) {
                return deepestName((Map<?, ?>) field.get("type"));
            }
        }
        throw new AssertionError("no root field " + dataset);
    }

    private static String deepestName(Map<?, ?> type) {
        Object inner = type.get("ofType");
        String below = inner instanceof Map<?, ?> m ? deepestName(m) : null;
        return below != null ? below : (String) type.get("name");
    }

    /** The same five requests to both servers, each answer compared with the other server's. */
    private static void assertSameAnswers(String query) throws IOException, InterruptedException {
        List<Request> requests = List.of(post(query, "application/json"), post(query, "application/json"),
                post(query, "text/csv"), post(query + "\n", "text/csv"),
                post(query + "\n\n", "application/graphql-response+json"));
        for (Request request : requests) {
            assertSame(send(whole, request), send(streamed, request), query);
        }
        HttpResponse<byte[]> first = send(streamed, get(query + "\n\n\n", null));
        HttpResponse<byte[]> again = send(whole, get(query + "\n\n\n", null));
        assertSame(again, first, query);
        first.headers().firstValue("etag").ifPresent(etag ->
                assertEquals(304, uncheckedSend(streamed, get(query + "\n\n\n", etag)).statusCode(), "the validator holds"));
    }

    private static void assertSame(HttpResponse<byte[]> expected, HttpResponse<byte[]> actual, String query) {
        String what = actual.request().method() + " " + actual.request().headers().firstValue("accept").orElse("") + " " + query;
        assertEquals(expected.statusCode(), actual.statusCode(), what);
        for (String header : List.of("content-type", "content-disposition", "cache-control", "vary")) {
            assertEquals(expected.headers().firstValue(header), actual.headers().firstValue(header), header + ": " + what);
        }
        assertEquals(expected.headers().firstValue("etag").isPresent(), actual.headers().firstValue("etag").isPresent(), what);
        assertEquals(masked(expected.body()), masked(actual.body()), what);
    }

    /**
     * The body with each field's measured time read as 0 (the one part two runs of a query do not share), and its
     * {@code extensions} as a map after the text before them: the fields of several root fields are reported in the
     * order they finished, which differs from run to run with or without streaming.
     */
    private static Object masked(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\"ms\":\\d+", "\"ms\":0");
        int extensions = text.lastIndexOf(",\"extensions\":{\"fields\":");
        if (extensions < 0) {
            return text;
        }
        try {
            return List.of(text.substring(0, extensions), JSON.readValue(text.substring(extensions + 14, text.length() - 1), Map.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A request to be sent to either server. */
    private interface Request {
        HttpRequest to(EmbeddedServer server);
    }

    private static Request post(String query, String accept) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query));
        return server -> HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                .header("content-type", "application/json").header("accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static Request get(String query, String ifNoneMatch) {
        return server -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().header("accept", "application/json");
            return (ifNoneMatch == null ? b : b.header("if-none-match", ifNoneMatch)).build();
        };
    }

    private static HttpResponse<byte[]> send(EmbeddedServer server, Request request)
            throws IOException, InterruptedException {
        return HTTP.send(request.to(server), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> uncheckedSend(EmbeddedServer server, Request request) {
        try {
            return send(server, request);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
