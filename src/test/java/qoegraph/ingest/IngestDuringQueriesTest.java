package qoegraph.ingest;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qoegraph.ingest.TrafficFiles.DEVICES;
import static qoegraph.ingest.TrafficFiles.START;
import static qoegraph.ingest.TrafficFiles.TIMES;
import static qoegraph.ingest.TrafficFiles.device;
import static qoegraph.ingest.TrafficFiles.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries over HTTP while the server's own {@link Ingester} loads a large file into the same database see the data
 * before the file or after it, never part of it; a file that recomputes derived columns (user_devices sets
 * traffic's user_id) is seen before or after the recompute, never half-way. Rollups are not built here, so
 * every answer comes from the tables (a rollup-served answer may lag until its rebuild).
 */
class IngestDuringQueriesTest {
    private static final int SESSION_ROWS = 600_000;
    private static final int TRAFFIC_ROWS = 300_000;
    private static final int CLIENTS = 2;

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static Ingester ingester;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = Servers.start(dir.resolve("db.duckdb"), Map.of(
                // The ingester is driven directly, behind the data version: every answer must come from the tables.
                "qoegraph.cache.enabled", false));
        ingester = server.getApplicationContext().getBean(Ingester.class);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void countsDuringALargeIngestAreTheCountBeforeOrAfterIt() throws Exception {
        ingester.ingest(Files.writeString(dir.resolve("first.csv"),
                TestDb.sessions("1,Fro,Iron,true,1,1", "2,BTP,Iron,false,0,5") + "\n"));
        long before = 2;
        long after = before + SESSION_ROWS;
        Path big = SessionsFiles.write(dir.resolve("big.csv"), SESSION_ROWS);

        Observed observed = queryWhileIngesting(big, () -> sessionsCount());

        Set<Object> allowed = Set.of(before, after);
        observed.results().forEach(count -> assertTrue(allowed.contains(count), "count " + count + " is neither "
                + before + " nor " + after));
        assertEquals(after, sessionsCount(), "after the ingest, its figure");
        assertTrue(observed.duringIngest() > 0, "some queries ran while the file was being ingested");
        System.out.println("queries during a " + SESSION_ROWS + "-row ingest: " + observed.summary());
    }

    @Test
    void derivedColumnsAreSeenAllBeforeOrAllAfterTheReferenceFileArrives() throws Exception {
        ingester.ingest(TrafficFiles.traffic(dir.resolve("traffic.csv"), TRAFFIC_ROWS));
        Map<Object, Object> before = Map.of("null", (long) TRAFFIC_ROWS);
        Map<Object, Object> after = new TreeMap<>();
        for (int i = 0; i < TRAFFIC_ROWS; i++) {
            after.merge(String.valueOf(owner(device(i))), 1L, (a, b) -> (Long) a + (Long) b);
        }
        assertEquals(before, trafficByUser(), "no owners yet: user_id NULL everywhere");
        Path file = TrafficFiles.owners(dir.resolve("user_devices.csv"));

        Observed observed = queryWhileIngesting(file, IngestDuringQueriesTest::trafficByUser);

        observed.results().forEach(result -> assertTrue(result.equals(before) || result.equals(after),
                "half-derived: " + result));
        assertEquals(after, trafficByUser(), "after the ingest, every row has its owner");
        System.out.println("queries while user_id was recomputed over " + TRAFFIC_ROWS + " rows: " + observed.summary());

        // Then the stays: one per device over the first half of its rows, so location_id is set on half the rows.
        Map<Object, Object> noStays = Map.of("null", (long) TRAFFIC_ROWS);
        Map<Object, Object> withStays = new TreeMap<>();
        for (int i = 0; i < TRAFFIC_ROWS; i++) {
            String stay = i < TRAFFIC_ROWS / 2 ? String.valueOf(stay(device(i))) : "null";
            withStays.merge(stay, 1L, (a, b) -> (Long) a + (Long) b);
        }
        assertEquals(noStays, trafficBy("locationId"));
        StringBuilder stays = new StringBuilder(TestDb.SOURCES.table("locations").orElseThrow().header()).append('\n');
        LocalDateTime exit = START.plusSeconds(10L * (TRAFFIC_ROWS / 2 - 1));
        for (int d = 1; d <= DEVICES; d++) {
            stays.append(stay(d)).append(',').append(d).append(",moves,").append(TIMES.format(START)).append(',')
                    .append(TIMES.format(exit)).append(",home,1,,,,,,,,,,,false\n");
        }
        Observed located = queryWhileIngesting(Files.writeString(dir.resolve("locations.csv"), stays),
                () -> trafficBy("locationId"));
        located.results().forEach(result -> assertTrue(result.equals(noStays) || result.equals(withStays),
                "half-derived: " + result));
        assertEquals(withStays, trafficBy("locationId"), "after the ingest, the rows inside a stay have it");
        System.out.println("queries while location_id was recomputed: " + located.summary());
    }

    private static int stay(int device) {
        return 100 + device;
    }

    /** What the queries saw: each answer, and how many ran wholly inside the ingest. */
    record Observed(List<Object> results, long duringIngest) {
        String summary() {
            return results.size() + " queries, " + duringIngest + " of them wholly during the ingest, distinct answers "
                    + results.stream().distinct().count();
        }
    }

    private static Observed queryWhileIngesting(Path file, Supplier<Object> query) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    long started = System.nanoTime();
                    results.add(query.get());
                    spans.add(new long[] {started, System.nanoTime()});
                }
            }, clients));
        }
        long ingestStart = System.nanoTime();
        try {
            ingester.ingest(file);
        } finally {
            done.set(true);
        }
        long ingestEnd = System.nanoTime();
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        clients.shutdown();
        long during = spans.stream().filter(s -> s[0] > ingestStart && s[1] < ingestEnd).count();
        return new Observed(List.copyOf(results), during);
    }

    private static long sessionsCount() {
        Map<?, ?> data = post("{ sessions { count } }");
        assertEquals("sessions", ((Map<?, ?>) ((Map<?, ?>) extensions(data).get("sessions"))).get("table"),
                "served from the table");
        return ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) data.get("data")).get("sessions")).get(0))
                .get("count")).longValue();
    }

    private static Map<Object, Object> trafficByUser() {
        return trafficBy("userId");
    }

    /** Traffic rows by one dimension ("null" for none). */
    private static Map<Object, Object> trafficBy(String dimension) {
        Map<?, ?> data = post("{ traffic { " + dimension + " count } }");
        Map<Object, Object> counts = new TreeMap<>();
        for (Object row : (List<?>) ((Map<?, ?>) data.get("data")).get("traffic")) {
            Map<?, ?> r = (Map<?, ?>) row;
            counts.put(String.valueOf(r.get(dimension)), ((Number) r.get("count")).longValue());
        }
        return counts;
    }

    private static Map<?, ?> extensions(Map<?, ?> response) {
        return (Map<?, ?>) ((Map<?, ?>) response.get("extensions")).get("fields");
    }

    private static Map<?, ?> post(String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<?, ?> body = JSON.readValue(response.body(), Map.class);
            assertEquals(null, body.get("errors"), response.body());
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
