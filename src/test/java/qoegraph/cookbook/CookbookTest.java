package qoegraph.cookbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import qoegraph.testsupport.SampleServer;

/**
 * The README's cookbook works: every {@code ```graphql} block between {@code <!-- cookbook:start -->} and
 * {@code <!-- cookbook:end -->} is posted to a real server on a first start ({@link SampleServer}: the sample generated
 * and ingested, the sessions file as published, the study logs at a small scale). A block answers without errors and with at least
 * one row in each root field, unless it holds a line {@code # expect: CODE}: then it must fail with that
 * {@code extensions.code}. The published Streamroot counts (datasets.md) come out of the cookbook's own queries.
 */
public class CookbookTest {
    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- cookbook:start -->";
    private static final String END = "<!-- cookbook:end -->";
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*([A-Z_]+)\\s*$", Pattern.MULTILINE);

    /** One block of the cookbook: the title of the heading above it, its query, and the error code it must give. */
    public record Entry(String title, String query, String expectedCode) {
    }

    private static HttpClient client;
    private static List<Entry> entries;

    @BeforeAll
    static void start() throws IOException {
        entries = entries(Files.readString(README));
        EmbeddedServer server = SampleServer.get().server();
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theCookbookHasBothDatasetsAndAnError() {
        assertTrue(entries.size() >= 15, () -> "cookbook blocks: " + entries.size());
        String all = entries.stream().map(Entry::query).collect(Collectors.joining("\n"));
        for (String root : List.of("sessions", "traffic", "dnsRequests", "httpRequests", "devices")) {
            assertTrue(all.contains(root), "a cookbook query on " + root);
        }
        assertTrue(entries.stream().anyMatch(e -> e.expectedCode() != null), "a block showing an error");
        assertTrue(all.contains("debug: true"), "a block showing the debug flag");
    }

    @TestFactory
    Stream<DynamicTest> everyCookbookQueryAnswers() {
        return entries.stream().map(e -> dynamicTest(e.title(), () -> {
            Map<String, Object> response = post(e.query());
            if (e.expectedCode() != null) {
                assertFailsWith(e, response);
            } else {
                assertAnswers(e, response);
            }
        }));
    }

    /** datasets.md, section 1: the published counts, through the cookbook's own queries. */
    @Test
    void theSessionsQueriesGiveThePublishedCounts() {
        Map<String, List<Map<String, Object>>> connected = data("is connected to the P2P back end");
        assertEquals(534_954L, sum(connected.get("byStream"), "count"), "rows");
        assertEquals(485_753L, sum(connected.get("byStream"), "connectedCount"), "connected rows");
        assertEquals(485_753L, sum(connected.get("byIsp"), "connectedCount"), "connected rows over the ISPs");
        assertEquals(485_753L, sum(connected.get("byBrowser"), "connectedCount"), "connected rows over the browsers");
        Map<String, Object> datch = row(connected.get("byIsp"), "isp", "Datch Telecam");
        assertEquals(36_415L, number(datch, "count") - number(datch, "connectedCount"), "Datch Telecam not connected");

        Map<String, List<Map<String, Object>>> viewers = data("How many viewers");
        assertEquals(80_000L, number(row(viewers.get("byStream"), "stream", 7), "count"), "stream 7 viewers");
        assertEquals(45_655L, number(row(viewers.get("byIsp"), "isp", "Datch Telecam"), "count"));

        List<Map<String, Object>> stream7 = data("make up stream 7").get("sessions");
        assertEquals(80_000L, sum(stream7, "count"), "stream 7 viewers over its ISPs");
        assertEquals(1.0, stream7.stream().mapToDouble(r -> ((Number) r.get("share")).doubleValue()).sum(), 1e-12,
                "the ISP shares of stream 7 add up to 1");
        assertEquals("Datch Telecam", stream7.get(0).get("isp"), "stream 7 is mostly Datch Telecam");

        Map<String, List<Map<String, Object>>> noP2p = data("no bytes from peers");
        assertEquals(189_917L, number(noP2p.get("noP2p").get(0), "count"), "rows with p2p = 0");
        assertEquals(534_954L, number(noP2p.get("all").get(0), "count"), "rows");

        List<Map<String, Object>> bytes = data("fetch more bytes").get("sessions");
        assertEquals(485_753L, number(row(bytes, "connected", true), "count"), "connected");
        assertEquals(49_201L, number(row(bytes, "connected", false), "count"), "not connected");

        // viewers over 100 MB, by browser: p2p > 0 / CDN only
        Map<String, List<Map<String, Object>>> over100 = data("above 100 MB");
        Map<String, long[]> published = Map.of("Iron", new long[] {15_700, 2_976},
                "EarthWolf", new long[] {28_076, 2_058}, "Vectrice", new long[] {4, 793}, "Swamp", new long[] {174, 184});
        published.forEach((browser, split) -> {
            assertEquals(split[0], number(row(over100.get("withP2p"), "browser", browser), "count"),
                    browser + " over 100 MB with p2p > 0");
            assertEquals(split[1], number(row(over100.get("cdnOnly"), "browser", browser), "count"),
                    browser + " over 100 MB, CDN only");
        });
    }

    /** datasets.md, section 2: 47 devices, 3 of them shared (44 personal ones); 3 French users without traffic. */
    @Test
    void theStudyQueriesGiveThePublishedDevicesAndUsers() {
        List<Map<String, Object>> devices = data("devices of each type").get("devices");
        assertEquals(44L, sum(devices, "count"), "personal devices");
        List<Map<String, Object>> ranked = data("rank by bytes").get("traffic");
        assertEquals(22L, ranked.size(), "users with traffic");
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(i + 1L, number(ranked.get(i), "rank"), "overall rank of row " + i);
        }
        Map<Object, Long> perCountry = new LinkedHashMap<>();
        for (Map<String, Object> user : ranked) {
            long expected = perCountry.merge(user.get("country"), 1L, Long::sum);
            assertEquals(expected, number(user, "rankInCountry"), "rank in " + user.get("country"));
        }
    }

    // ---- the README's blocks

    /** The {@code ```graphql} blocks between the markers, each with the {@code ####} heading above it. */
    public static List<Entry> entries(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the cookbook markers in order");
        List<Entry> found = new ArrayList<>();
        String title = null;
        StringBuilder block = null;
        boolean inOtherFence = false;
        for (String line : readme.substring(start + START.length(), end).split("\n", -1)) {
            if (block != null) {
                if (line.strip().equals("```")) {
                    String query = block.toString();
                    assertNotNull(title, () -> "a graphql block without a heading above it:\n" + query);
                    Matcher expect = EXPECT.matcher(query);
                    found.add(new Entry(title, query, expect.find() ? expect.group(1) : null));
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (inOtherFence) {
                inOtherFence = !line.strip().equals("```");
            } else if (line.strip().equals("```graphql")) {
                block = new StringBuilder();
            } else if (line.strip().startsWith("```")) {
                inOtherFence = true;
            } else if (line.startsWith("#### ")) {
                title = line.substring(5).strip();
            }
        }
        assertNull(block, "an unclosed graphql block");
        assertFalse(found.isEmpty(), "graphql blocks in the cookbook");
        return found;
    }

    private static Entry entry(String titlePart) {
        List<Entry> matching = entries.stream().filter(e -> e.title().contains(titlePart)).toList();
        assertEquals(1, matching.size(), () -> "cookbook entries titled '..." + titlePart + "...': " + matching);
        return matching.get(0);
    }

    // ---- checks

    @SuppressWarnings("unchecked")
    private static void assertAnswers(Entry e, Map<String, Object> response) {
        assertNull(response.get("errors"), () -> e.title() + ": errors " + response.get("errors"));
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        assertNotNull(data, e.title() + ": data");
        assertFalse(data.isEmpty(), e.title() + ": no root field");
        Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) response.get("extensions")).get("fields");
        data.forEach((key, rows) -> {
            assertTrue(rows instanceof List<?> list && !list.isEmpty(), () -> e.title() + ": no rows in " + key);
            Map<String, Object> extension = (Map<String, Object>) fields.get(key);
            assertNotNull(extension, () -> e.title() + ": extensions.fields." + key);
            assertEquals(((List<?>) rows).size(), ((Number) extension.get("rows")).intValue(),
                    e.title() + ": extensions rows of " + key);
        });
        if (e.query().contains("debug: true")) {
            assertTrue(fields.values().stream().anyMatch(f -> ((Map<String, Object>) f).get("sql") instanceof String),
                    e.title() + ": debug: true gives the SQL");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertFailsWith(Entry e, Map<String, Object> response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        assertTrue(errors != null && !errors.isEmpty(), () -> e.title() + ": expected " + e.expectedCode() + ", got "
                + response);
        Map<String, Object> error = errors.get(0);
        assertEquals(e.expectedCode(), ((Map<String, Object>) error.get("extensions")).get("code"), e.title());
        String message = (String) error.get("message");
        assertTrue(message != null && !message.isBlank(), e.title() + ": a message");
        if (e.expectedCode().equals("UNKNOWN_FIELD")) {
            assertTrue(message.contains("did you mean"), () -> e.title() + ": a suggestion in '" + message + "'");
        }
    }

    // ---- HTTP and rows

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(String query) {
        return client.toBlocking().retrieve(HttpRequest.POST("/graphql", Map.of("query", query)), Map.class);
    }

    /** The rows of every root field of a cookbook entry's answer, which must have no errors. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> data(String titlePart) {
        Entry e = entry(titlePart);
        Map<String, Object> response = post(e.query());
        assertNull(response.get("errors"), () -> e.title() + ": errors " + response.get("errors"));
        return (Map<String, List<Map<String, Object>>>) response.get("data");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key, Object value) {
        List<Map<String, Object>> matching = rows.stream().filter(r -> value.equals(r.get(key))).toList();
        assertEquals(1, matching.size(), () -> "rows with " + key + " = " + value + " in " + rows);
        return matching.get(0);
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        assertTrue(value instanceof Number, () -> key + " is a number in " + row);
        return ((Number) value).longValue();
    }

    private static long sum(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToLong(r -> number(r, key)).sum();
    }
}
