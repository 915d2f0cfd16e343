package qoegraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code loadtest}: many clients send a mix of queries (the benchmark's, a parameterised one with several values,
 * a report) for a while against a server (the given URL, or one started here on the sample data), then it prints
 * requests, errors, latencies and the server's memory. Any answer that is not clean is an error: exit code 1.
 */
public final class LoadTest {
    private static final String BY_STREAM = "query($s: Int) { sessions(where: {stream: {eq: $s}}) { isp browser count p2pShare } }";

    private LoadTest() {
    }

    /** @param url the server's root; null starts one on the sample data in a child JVM (on a temporary database) */
    public static int run(String url, int clients, Duration time, PrintStream out) throws Exception {
        if (url != null) {
            return against(new GraphQLClient(url), -1, clients, time, out);
        }
        Path dir = Files.createTempDirectory("qoegraph-loadtest");
        try (ServerProcess server = ServerProcess.start(Map.of("qoegraph.database", dir.resolve("loadtest.duckdb").toString()),
                dir.resolve("server.log"))) {
            out.println("starting a server on the sample data (log: " + dir.resolve("server.log") + ")");
            Duration started = server.awaitFirstAnswer(Duration.ofMinutes(15));
            out.printf("server answering after %.1f s%n", started.toMillis() / 1e3);
            return against(server.client(), server.pid(), clients, time, out);
        } finally {
            deleteTree(dir);
        }
    }

    static List<LoadRunner.Request> mix() {
        List<LoadRunner.Request> mix = new ArrayList<>(QueryMix.QUERIES.stream().map(QueryMix.MixQuery::request).toList());
        for (int stream = 1; stream <= 9; stream++) {
            mix.add(new LoadRunner.Request("sessions of stream " + stream, BY_STREAM, Map.of("s", stream)));
        }
        mix.add(new LoadRunner.Request("report streamHealth", "{ reports { streamHealth { stream viewers p2pShare } } }", Map.of()));
        return mix;
    }

    private static int against(GraphQLClient client, long pid, int clients, Duration time, PrintStream out)
            throws InterruptedException {
        out.printf("%d clients for %d s, %d queries in the mix%n", clients, time.toSeconds(), mix().size());
        MemorySampler sampler = new MemorySampler(client, pid);
        LoadRunner.Result result;
        try {
            result = LoadRunner.run(client, clients, time, mix());
        } finally {
            sampler.close();
        }
        MemorySampler.Memory memory = sampler.memory();
        out.printf("requests %,d, errors %,d, %.0f requests/s, latency p50 %.2f ms, p99 %.2f ms%n", result.requests(),
                result.errors(), result.perSecond(), result.latencies().p50(), result.latencies().p99());
        out.printf("server heap used: max %s, at the end %s; resident max %s%n", mb(memory.heapMaxBytes()),
                mb(memory.heapLastBytes()), mb(memory.rssMaxBytes()));
        result.firstErrors().forEach(e -> out.println("error: " + e));
        return result.errors() == 0 && result.requests() > 0 ? 0 : 1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
