package qoegraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import qoegraph.testsupport.Servers;

/**
 * The admin mutations over HTTP on a server with an admin token, after a first start on a small sample:
 * without the token they are refused; with it, a new file is ingested, the rollups are rebuilt over it, and
 * queries (rollup-served and base-table) count exactly the rows the test wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminMutationsTest {
    static final String ADMIN = "admin-token-for-tests-0123456789";

    private Path dir;
    private EmbeddedServer server;
    private Http http;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("qoegraph-admin");
        server = Servers.start(dir.resolve("db.duckdb"), Map.of(
                "qoegraph.sample-on-first-start", true,
                "qoegraph.sample-dir", dir.resolve("data/sample").toString(),
                "qoegraph.sample-scale", 0.002,
                "qoegraph.security.admin-token", ADMIN,
                "qoegraph.security.ingest-dir", dir.resolve("data").toString()));
        http = Http.to(server.getURL());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void mutationsWithoutTheAdminTokenAreUnauthorizedAndChangeNothing() throws Exception {
        long before = fileCount();
        for (String token : new String[] {null, "not-the-admin-token-at-all", ADMIN + "x", ADMIN.substring(1)}) {
            Http.Answer answer = http.post("mutation { ingest(paths: [\"sample\"]) { loaded } }", token);
            assertEquals(200, answer.status());
            assertEquals("UNAUTHORIZED", answer.firstCode(), () -> "answer " + answer.body());
            assertTrue(answer.firstMessage().contains("needs the admin token"), answer.firstMessage());
            assertNull(answer.data().get("ingest"), "no outcome: nothing was ingested");
            Http.Answer refresh = http.post("mutation { refreshRollups { name } }", token);
            assertEquals("UNAUTHORIZED", refresh.firstCode());
        }
        assertEquals(before, fileCount());
    }

    @Test
    void theAdminIngestsAFileAndTheRebuiltRollupsCountItsRows() throws Exception {
        // Stream 42 does not exist in the sample: every row of it comes from this file.
        Path file = dir.resolve("data/new/sessions-42.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("#stream,isp,browser,connected,p2p,cdn\n");
        int rows = 37;
        int connected = 0;
        for (int i = 0; i < rows; i++) {
            boolean on = i % 3 != 0;
            connected += on ? 1 : 0;
            csv.append("42,Fro,Iron,").append(on).append(',').append(on ? "1000.5" : "0").append(",2000.25\n");
        }
        Files.writeString(file, csv);

        Http.Answer answer = http.post("mutation { ingest(paths: [\"new/sessions-42.csv\"]) { loaded rejected"
                + " files { path table status linesRead loaded } rollups { name built } } }", ADMIN);
        assertNull(answer.errors(), () -> "errors " + answer.body());
        Map<String, Object> outcome = map(answer.data().get("ingest"));
        assertEquals(rows, ((Number) outcome.get("loaded")).intValue());
        assertEquals(0, ((Number) outcome.get("rejected")).intValue());
        Map<String, Object> entry = list(outcome.get("files")).get(0);
        assertEquals("new/sessions-42.csv", entry.get("path"));
        assertEquals("sessions", entry.get("table"));
        assertEquals("INGESTED", entry.get("status"));
        assertTrue(list(outcome.get("rollups")).stream().allMatch(r -> Boolean.TRUE.equals(r.get("built"))));

        Http.Answer query = http.post("{ rolled: sessions(where: {stream: {eq: 42}}) { count connectedCount }"
                + " base: sessions(where: {stream: {eq: 42}}) { count p2pMedian } }", null);
        assertNull(query.errors(), () -> "errors " + query.body());
        Map<String, Object> rolled = list(query.data().get("rolled")).get(0);
        assertEquals(rows, ((Number) rolled.get("count")).intValue());
        assertEquals(connected, ((Number) rolled.get("connectedCount")).intValue());
        assertEquals(rows, ((Number) list(query.data().get("base")).get(0).get("count")).intValue());
        Map<String, Object> fields = map(map(query.body().get("extensions")).get("fields"));
        assertEquals("sessionsByStream", map(fields.get("rolled")).get("rollup"));
        assertEquals("sessions", map(fields.get("base")).get("table"));

        Http.Answer again = http.post("mutation { ingest(paths: [\"new\"]) { loaded files { status } } }", ADMIN);
        assertNull(again.errors(), () -> "errors " + again.body());
        assertEquals(0, ((Number) map(again.data().get("ingest")).get("loaded")).intValue());
        assertEquals("SKIPPED_DUPLICATE", list(map(again.data().get("ingest")).get("files")).get(0).get("status"));
    }

    // isp and browser are lowCardinality: ENUMs of the values ingested so far. A file with a new ISP and a new
    // browser widens them and loads whole; a value no file had still filters to nothing, never to an error.
    @Test
    void aNewIspAndBrowserAreIngestedWholeAndAValueNeverSeenFiltersToNothing() throws Exception {
        Path file = dir.resolve("data/s44/sessions-44.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#stream,isp,browser,connected,p2p,cdn\n44,Zeta Telecom,Quill,true,1,2\n"
                + "44,Zeta Telecom,Iron,false,0,3\n44,Fro,Quill,true,5,6\n44,Fro,Iron,true,1,1\n");
        assertEquals("INGESTED", status(http.post("mutation { ingest(paths: [\"s44\"]) { files { status } } }",
                ADMIN)));

        // counted by hand from the four lines above; "rolled" is served by the rollup, "base" by the table
        Map<String, Integer> expected = Map.of(
                "isp: {eq: \"Zeta Telecom\"}", 2, "browser: {eq: \"Quill\"}", 2, "isp: {in: [\"Zeta Telecom\", \"Fro\"]}", 4,
                "isp: {contains: \"eta\"}", 2, "browser: {startsWith: \"Qu\"}", 2, "isp: {neq: \"Zeta Telecom\"}", 2,
                "isp: {eq: \"Never Seen\"}", 0, "browser: {in: [\"Never\", \"Seen\"]}", 0, "isp: {like: \"%ever%\"}", 0,
                "isp: {gt: \"Never Seen\"}", 2);
        for (Map.Entry<String, Integer> filter : expected.entrySet()) {
            String where = "where: {stream: {eq: 44}, " + filter.getKey() + "}";
            Http.Answer answer = http.post("{ rolled: sessions(" + where + ") { isp browser count }"
                    + " base: sessions(" + where + ") { isp browser count p2pMedian } }", null);
            assertNull(answer.errors(), () -> filter.getKey() + ": " + answer.body());
            for (String field : List.of("rolled", "base")) {
                int count = list(answer.data().get(field)).stream()
                        .mapToInt(row -> ((Number) row.get("count")).intValue()).sum();
                assertEquals(filter.getValue(), count, () -> field + " " + filter.getKey() + ": " + answer.body());
            }
        }
        Http.Answer grouped = http.post("{ sessions(where: {stream: {eq: 44}}, orderBy: [{isp: ASC}, {browser: ASC}])"
                + " { isp browser count } }", null);
        assertNull(grouped.errors(), () -> "errors " + grouped.body());
        assertEquals(List.of(Map.of("isp", "Fro", "browser", "Iron", "count", 1), Map.of("isp", "Fro", "browser", "Quill",
                        "count", 1), Map.of("isp", "Zeta Telecom", "browser", "Iron", "count", 1),
                Map.of("isp", "Zeta Telecom", "browser", "Quill", "count", 1)), grouped.data().get("sessions"));
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheUntilAnIngestChangesTheData() throws Exception {
        String query = "{ sessions(where: {stream: {eq: 43}}) { count } }";
        Http.Answer first = http.post(query, null);
        Http.Answer again = http.post(query, null);
        assertEquals(first.data(), again.data());
        assertEquals(false, sessionsReport(first).get("cached"));
        assertEquals(true, sessionsReport(again).get("cached"));

        Path file = dir.resolve("data/s43/sessions-43.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#stream,isp,browser,connected,p2p,cdn\n43,Fro,Iron,true,1,2\n43,BTP,Iron,false,0,3\n"
                + "43,BTP,Swamp,true,5,6\n");
        String ingest = "mutation { ingest(paths: [\"s43\"]) { files { status } } }";
        assertEquals("INGESTED", status(http.post(ingest, ADMIN)));
        assertEquals("SKIPPED_DUPLICATE", status(http.post(ingest, ADMIN)), "a mutation's answer is never reused");

        Http.Answer after = http.post(query, null);
        assertEquals(false, sessionsReport(after).get("cached"));
        assertEquals(3, ((Number) list(after.data().get("sessions")).get(0).get("count")).intValue());
        assertEquals(true, sessionsReport(http.post(query, null)).get("cached"));
    }

    private static Map<String, Object> sessionsReport(Http.Answer answer) {
        assertNull(answer.errors(), () -> "errors " + answer.body());
        return map(map(map(answer.body().get("extensions")).get("fields")).get("sessions"));
    }

    private static Object status(Http.Answer answer) {
        assertNull(answer.errors(), () -> "errors " + answer.body());
        return list(map(answer.data().get("ingest")).get("files")).get(0).get("status");
    }

    @Test
    void pathsOutsideTheIngestFolderOrMissingAreRefusedWithNothingIngested() throws Exception {
        Files.writeString(dir.resolve("outside.csv"), "#stream,isp,browser,connected,p2p,cdn\n1,Fro,Iron,true,1,1\n");
        long before = fileCount();
        for (String path : List.of("../outside.csv", dir.resolve("outside.csv").toString(), "no-such-file.csv",
                "", "/etc/passwd", "sample/../../outside.csv")) {
            Http.Answer answer = http.post("mutation { ingest(paths: [\"" + path.replace("\\", "\\\\") + "\"]) { loaded } }",
                    ADMIN);
            assertEquals("INVALID_ARGUMENT", answer.firstCode(), () -> path + ": " + answer.body());
            assertFalse(answer.firstMessage().contains("Exception"), answer.firstMessage());
        }
        assertEquals(before, fileCount());
    }

    @Test
    void theAdminRebuildsTheRollups() throws Exception {
        Http.Answer answer = http.post("mutation { refreshRollups { name built rows builtAt } }", ADMIN);
        assertNull(answer.errors(), () -> "errors " + answer.body());
        List<Map<String, Object>> rollups = list(answer.data().get("refreshRollups"));
        assertEquals(List.of("dnsHourly", "httpHourly", "sessionsByStream", "trafficHourly"),
                rollups.stream().map(r -> r.get("name")).sorted().toList());
        assertTrue(rollups.stream().allMatch(r -> ((Number) r.get("rows")).longValue() > 0));
    }

    @Test
    void aMutationOverGetIsRefused() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/graphql?query="
                + java.net.URLEncoder.encode("mutation { refreshRollups { name } }", java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + ADMIN).GET().build();
        assertEquals(405, http.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private long fileCount() throws Exception {
        Http.Answer answer = http.post("{ catalog { files { fileId } } }", null);
        return list(map(answer.data().get("catalog")).get("files")).size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
