package qoegraph.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 10,000 generated malformed or hostile requests against a real server over HTTP (see
 * {@link RequestGenerator} and {@link HostileQueries} for what they are). Every answer must be a clean error or
 * a right result ({@link ResponseCheck}); afterwards the server still answers a known query right and no table
 * has gained or lost a row. Seeded: the seed is printed, and {@code -Dqoegraph.fuzz.seed=} replays a run
 * ({@code -Dqoegraph.fuzz.count=} changes the number of requests).
 */
class GraphQLFuzzTest {
    private static final int CLIENTS = 3;
    private static final int SHOWN_PROBLEMS = 25;

    @TempDir
    Path dir;

    @Test
    void hostileRequestsGetCleanErrorsOrRightResults() throws Exception {
        long seed = Long.getLong("qoegraph.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("qoegraph.fuzz.count", 10_000);
        System.out.println("GraphQL fuzz: seed " + seed + " (-Dqoegraph.fuzz.seed=" + seed + " replays it), "
                + count + " requests");
        try (HostileServer server = new HostileServer(dir)) {
            Map<String, Long> before = server.rowCounts();
            Map<String, LongAdder> histogram = new ConcurrentHashMap<>();
            Map<String, LongAdder> millisByKind = new ConcurrentHashMap<>();
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            RequestGenerator generator = new RequestGenerator(seed, HostileServer.MAX_ROWS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            Semaphore inFlight = new Semaphore(2 * CLIENTS);
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                FuzzCase c = generator.next(i);
                inFlight.acquire();
                clients.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        run(server, c, histogram, problems);
                    } finally {
                        millisByKind.computeIfAbsent(c.kind().replaceAll("^(GET|method|accept|content-type) ", ""),
                                k -> new LongAdder()).add((System.nanoTime() - t0) / 1_000_000);
                        inFlight.release();
                    }
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "fuzz requests did not finish");
            System.out.printf("GraphQL fuzz: %d requests in %.1f s; answers: %s%n", count,
                    (System.nanoTime() - started) / 1e9, sorted(histogram));
            System.out.println("GraphQL fuzz: milliseconds by kind of request: " + sorted(millisByKind));
            assertTrue(problems.isEmpty(), problems.size() + " bad answers (seed " + seed + "), one of each kind:\n"
                    + oneOfEachKind(problems));

            assertEquals(before, server.rowCounts(), "no table changed");
            assertKnownQuery(server);
        }
    }

    private static void run(HostileServer server, FuzzCase c, Map<String, LongAdder> histogram, List<String> problems) {
        try {
            HttpResponse<String> response;
            try {
                response = server.send(c);
            } catch (IOException e) {
                // The server may close a kept-alive connection after refusing a request (413): once more on a
                // new one, counted apart so that a server that really stops answering still fails.
                histogram.computeIfAbsent("RETRIED", k -> new LongAdder()).increment();
                response = server.send(c);
            }
            String type = response.headers().firstValue("content-type").orElse("");
            ResponseCheck.Verdict verdict = ResponseCheck.judge(c, response.statusCode(), type, response.body());
            verdict.codes().forEach(code -> histogram.computeIfAbsent(code, k -> new LongAdder()).increment());
            if (verdict.problem() != null) {
                problems.add(verdict.problem() + "\n      for " + c.describe());
            }
        } catch (Exception e) {
            histogram.computeIfAbsent("NO ANSWER", k -> new LongAdder()).increment();
            problems.add("no answer: " + e + "\n      for " + c.describe());
        }
    }

    /** The totals of the sessions fixture, summed here in Java. */
    private static void assertKnownQuery(HostileServer server) throws Exception {
        String body = "{\"query\": \"{ sessions { count p2pBytes } }\"}";
        FuzzCase known = new FuzzCase(-1, "known", "POST", null, "application/json", "application/json",
                body.getBytes(StandardCharsets.UTF_8), FuzzCase.Expect.any());
        HttpResponse<String> response = server.send(known);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> data = (Map<?, ?>) new ObjectMapper().readValue(response.body(), Map.class).get("data");
        Map<?, ?> row = (Map<?, ?>) ((List<?>) data.get("sessions")).get(0);
        long p2p = FixtureRows.SESSIONS.stream().mapToLong(FixtureRows.Session::p2p).sum();
        assertEquals(FixtureRows.SESSIONS.size(), ((Number) row.get("count")).intValue(), response.body());
        assertEquals(p2p, ((Number) row.get("p2pBytes")).doubleValue(), 1e-9, response.body());
    }

    /** The first problem of each kind (kinds told apart by the start of their text). */
    private static String oneOfEachKind(List<String> problems) {
        Map<String, String> kinds = new TreeMap<>();
        synchronized (problems) {
            problems.forEach(p -> kinds.putIfAbsent(p.substring(0, Math.min(40, p.length())), p));
        }
        return kinds.values().stream().limit(SHOWN_PROBLEMS).map(p -> "  " + p).reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> histogram) {
        Map<String, Long> sorted = new TreeMap<>();
        histogram.forEach((code, n) -> sorted.put(code, n.sum()));
        return sorted;
    }
}
