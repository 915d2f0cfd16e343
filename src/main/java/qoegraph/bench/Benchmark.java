package qoegraph.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import qoegraph.engine.QueryEngine;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.model.Model;
import qoegraph.model.SourceTables;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.rollup.Rollups;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlStatement;
import qoegraph.generate.SampleData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The benchmark: generates the data at a scale, times the ingest against read_csv, then on a server in this process
 * (cache off) the query mix over HTTP against its SQL over JDBC, rollup against base table and requests per second;
 * again with the cache on; then a server in a child JVM for start-up time and memory. Figures only: nothing here
 * decides pass or fail.
 */
public final class Benchmark {
    private final BenchOptions options;
    private final PrintStream log;
    private final Path queriesDir = Path.of("queries").toAbsolutePath();

    private String trinoUrl;
    private Path trinoLake;

    public Benchmark(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Also runs the query mix and the rollup comparison with {@code qoegraph.engine: trino} on the same ingested
     * files (written to {@code lake}, which the Trino at {@code url} reads as {@code local:///}), side by side.
     */
    public Benchmark trino(String url, Path lake) {
        this.trinoUrl = url;
        this.trinoLake = lake;
        return this;
    }

    /** Runs it all, prints the report and writes it into {@code options.out()}; with ingestOnly, the ingest alone. */
    public void run() throws Exception {
        Instant date = Instant.now();
        double loadAtStart = loadAverage();
        Path data = options.dataDir().resolve("scale-" + options.scale());
        Path work = Files.createDirectories(options.dataDir().resolve("scale-" + options.scale() + "-work"));
        generate(data);
        Path db = work.resolve("bench.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
        List<IngestBench.Figures> ingest = new IngestBench(SourceTables.load(queriesDir.resolve("model/sources.yml")),
                work, log::println).run(data.resolve(SampleData.SESSIONS_FILE), data.resolve(SampleData.STUDY_DIR),
                options.ingestWarmups(), options.ingestRuns(), db);
        if (options.ingestOnly()) {
            log.println(BenchResults.ingestSection(options, new BenchResults.Load(loadAtStart, loadAverage()), ingest));
            return;
        }
        List<BenchResults.LatencyRow> latency;
        Latencies transport;
        List<BenchResults.RollupRow> rollups;
        List<KeyBench.Row> keys;
        List<BenchResults.RpsRow> rps = new ArrayList<>();
        try (EmbeddedServer server = server(db, false)) {
            GraphQLClient client = new GraphQLClient(server.getURL().toString());
            warmUp(client);
            try (JdbcTimer jdbc = new JdbcTimer(server.getApplicationContext().getBean(QueryEngine.class).connections())) {
                latency = latencies(client, jdbc);
            }
            transport = transport(client);
            rollups = rollupVsBase(server.getApplicationContext());
            keys = new KeyBench(server.getApplicationContext().getBean(DuckDb.class).connections(),
                    work.resolve("keys.duckdb"), options, log::println).run();
            rps.addAll(load(client, false));
        }
        try (EmbeddedServer server = server(db, true)) {
            rps.addAll(load(new GraphQLClient(server.getURL().toString()), true));
        }
        String engines = trinoUrl == null ? "" : engines(db, latency, rollups);
        BenchResults.Footprint footprint = footprint(db, data, work);
        BenchResults results = new BenchResults(options, Machine.current(), date,
                new BenchResults.Load(loadAtStart, loadAverage()), ingest, transport, latency, rollups, keys, rps, footprint);
        String section = results.markdown() + engines;
        log.println(section);
        BenchmarksFile.writeSection(options.out(), options.scale(), section);
        log.println("written to " + options.out());
    }

    /** The data of this scale, generated unless a previous run left exactly it. */
    private void generate(Path data) {
        Path marker = data.resolve("scale.txt");
        String wanted = "sessions " + options.scale() + " study " + options.studyScale();
        try {
            if (SampleData.present(data) && Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                log.println("reusing the data in " + data);
                return;
            }
            log.println("generating " + wanted + " into " + data);
            SampleData.generate(data, options.studyScale(), options.scale(), log::println);
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The query mix over HTTP and the rollup comparison over JDBC on a server with the Trino engine (cache off), after
     * its first start wrote the lake and built the rollups in Trino; as a markdown section beside DuckDB's figures.
     */
    private String engines(Path db, List<BenchResults.LatencyRow> duckdb, List<BenchResults.RollupRow> duckdbRollups)
            throws Exception {
        String schema = "bench_" + options.scale();
        Map<String, Object> trino = new LinkedHashMap<>();
        trino.put("qoegraph.engine", "trino");
        trino.put("qoegraph.trino.url", trinoUrl);
        trino.put("qoegraph.trino.schema", schema);
        trino.put("qoegraph.trino.lake", trinoLake.resolve(schema).toString());
        trino.put("qoegraph.trino.lake-uri", "local:///" + schema);
        long started = System.nanoTime();
        try (EmbeddedServer server = server(db, false, trino)) {
            double ready = (System.nanoTime() - started) / 1e9;
            GraphQLClient client = new GraphQLClient(server.getURL().toString());
            warmUp(client);
            List<BenchResults.LatencyRow> latency;
            try (JdbcTimer jdbc = new JdbcTimer(server.getApplicationContext().getBean(QueryEngine.class).connections())) {
                latency = latencies(client, jdbc);
            }
            List<BenchResults.RollupRow> rollups = rollupVsBase(server.getApplicationContext());
            return BenchResults.engines(duckdb, latency, duckdbRollups, rollups, ready);
        }
    }

    private EmbeddedServer server(Path db, boolean cache) {
        return server(db, cache, Map.of());
    }

    private EmbeddedServer server(Path db, boolean cache, Map<String, Object> engine) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("qoegraph.database", db.toString());
        properties.put("qoegraph.queries-dir", queriesDir.toString());
        properties.put("qoegraph.sample-on-first-start", false);
        properties.put("qoegraph.cache.enabled", cache);
        properties.put("qoegraph.limits.query-timeout", "600s");
        properties.putAll(engine);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /**
     * Runs the request path (HTTP, graphql-java, planning, the statement pool) a few thousand times before anything is
     * timed, with the mix's fastest query and the empty one: the few warm-up runs of each query alone left the JIT
     * cold, and the first figures measured the interpreter (a 45-row answer at 20 ms instead of 4).
     */
    private void warmUp(GraphQLClient client) {
        String fastest = QueryMix.QUERIES.get(0).graphql();
        long requests = 0;
        long deadline = System.nanoTime() + options.loadTime().toNanos();
        while (System.nanoTime() < deadline) {
            checked(client.post(fastest, Map.of()), "warm-up");
            checked(client.post("{ __typename }", Map.of()), "warm-up");
            requests += 2;
        }
        log.printf("warm-up: %,d requests in %d s%n", requests, options.loadTime().toSeconds());
    }

    /** Each query of the mix over HTTP and its SQL (from the debug extensions) over JDBC, interleaved. */
    private List<BenchResults.LatencyRow> latencies(GraphQLClient client, JdbcTimer jdbc) throws Exception {
        List<BenchResults.LatencyRow> rows = new ArrayList<>();
        for (QueryMix.MixQuery query : QueryMix.QUERIES) {
            GraphQLClient.Reply debug = checked(client.post(query.withDebug(), Map.of()), query.name());
            Map<String, Object> field = debug.field(query.root());
            String sql = (String) field.get("sql");
            List<?> params = (List<?>) field.get("params");
            String servedBy = field.containsKey("rollup") ? "rollup " + field.get("rollup") : "table " + field.get("table");
            List<Long> http = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            List<Long> kept = new ArrayList<>();
            long budget = System.nanoTime() + BenchOptions.QUERY_BUDGET.toNanos();
            for (int run = 0; run < options.warmups() + options.runs(); run++) {
                long h = checked(client.post(query.graphql(), Map.of()), query.name()).nanos();
                long j = jdbc.time(sql, params);
                long k = jdbc.timeKept(sql, params);
                if (run >= options.warmups()) {
                    http.add(h);
                    direct.add(j);
                    kept.add(k);
                }
                if (System.nanoTime() > budget && http.size() >= BenchOptions.MIN_RUNS) {
                    break;
                }
            }
            BenchResults.LatencyRow row = new BenchResults.LatencyRow(query.name(), servedBy,
                    ((Number) field.get("rows")).intValue(), Latencies.of(http), Latencies.of(direct), Latencies.of(kept));
            log.printf("%s: HTTP p50 %.2f ms, JDBC p50 %.2f ms prepared, %.2f ms kept (%d runs)%n", query.name(),
                    row.http().p50(), row.jdbc().p50(), row.jdbcKept().p50(), row.http().count());
            rows.add(row);
        }
        return rows;
    }

    /** The HTTP and GraphQL round trip with nothing to fetch: what any answer costs at least. */
    private Latencies transport(GraphQLClient client) {
        List<Long> nanos = new ArrayList<>();
        for (int run = 0; run < options.warmups() + options.runs(); run++) {
            long took = checked(client.post("{ __typename }", Map.of()), "__typename").nanos();
            if (run >= options.warmups()) {
                nanos.add(took);
            }
        }
        return Latencies.of(nanos);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static GraphQLClient.Reply checked(GraphQLClient.Reply reply, String name) {
        if (!reply.clean()) {
            throw new IllegalStateException(name + ": " + reply.problem());
        }
        return reply;
    }

    /** The same query planned with the rollups and without, both run over JDBC on kept statements. */
    private List<BenchResults.RollupRow> rollupVsBase(ApplicationContext context) throws Exception {
        Model model = context.getBean(Model.class);
        QueryEngine engine = context.getBean(QueryEngine.class);
        SelectCompiler compiler = new SelectCompiler(engine.dialect());
        List<BenchResults.RollupRow> rows = new ArrayList<>();
        try (JdbcTimer jdbc = new JdbcTimer(engine.connections())) {
            for (QueryMix.Comparison comparison : QueryMix.ROLLUP_VS_BASE) {
                Plan withRollups = new Planner(model, context.getBean(Rollups.class)).plan(comparison.query());
                SqlStatement rollup = compiler.compile(withRollups);
                SqlStatement base = compiler.compile(new Planner(model).plan(comparison.query()));
                BenchResults.RollupRow row = new BenchResults.RollupRow(comparison.name(),
                        withRollups.source().kind() + " " + withRollups.source().name(), repeat(jdbc, rollup),
                        repeat(jdbc, base));
                log.printf("%s: %s p50 %.2f ms, base table p50 %.2f ms%n", row.name(), row.servedBy(),
                        row.rollup().p50(), row.base().p50());
                rows.add(row);
            }
        }
        return rows;
    }

    private Latencies repeat(JdbcTimer jdbc, SqlStatement statement) throws Exception {
        List<Long> nanos = new ArrayList<>();
        long budget = System.nanoTime() + BenchOptions.QUERY_BUDGET.toNanos();
        for (int run = 0; run < options.warmups() + options.runs(); run++) {
            long took = jdbc.timeKept(statement.sql(), statement.params());
            if (run >= options.warmups()) {
                nanos.add(took);
            }
            if (System.nanoTime() > budget && nanos.size() >= BenchOptions.MIN_RUNS) {
                break;
            }
        }
        return Latencies.of(nanos);
    }

    private List<BenchResults.RpsRow> load(GraphQLClient client, boolean cached) throws InterruptedException {
        List<LoadRunner.Request> mix = QueryMix.QUERIES.stream().map(QueryMix.MixQuery::request).toList();
        if (cached) {
            // one pass fills the cache (a timed run of zero seconds sends nothing)
            mix.forEach(request -> checked(client.post(request.query(), request.variables()), request.name()));
        }
        List<BenchResults.RpsRow> rows = new ArrayList<>();
        for (int clients : BenchOptions.CLIENTS) {
            LoadRunner.Result result = LoadRunner.run(client, clients, options.loadTime(), mix);
            log.printf("%d clients, cache %s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", clients,
                    cached ? "on" : "off", result.perSecond(), result.latencies().p50(), result.latencies().p99(),
                    result.errors());
            rows.add(new BenchResults.RpsRow(cached, result));
        }
        return rows;
    }

    /** A server in a child JVM on the database: time to its first answer, then its memory under a short load. */
    private BenchResults.Footprint footprint(Path db, Path data, Path work) throws Exception {
        Map<String, String> properties = Map.of("qoegraph.database", db.toString(),
                "qoegraph.queries-dir", queriesDir.toString(), "qoegraph.sample-on-first-start", "false");
        Duration firstAnswer;
        MemorySampler.Memory memory;
        try (ServerProcess server = ServerProcess.start(properties, work.resolve("server.log"))) {
            firstAnswer = server.awaitFirstAnswer(Duration.ofMinutes(10));
            log.printf("child server: first answer after %.2f s%n", firstAnswer.toMillis() / 1e3);
            List<LoadRunner.Request> mix = QueryMix.QUERIES.stream().map(QueryMix.MixQuery::request).toList();
            MemorySampler sampler = new MemorySampler(server.client(), server.pid());
            try {
                LoadRunner.run(server.client(), 8, options.loadTime(), mix);
            } finally {
                sampler.close();
            }
            memory = sampler.memory();
        }
        long dbBytes = Files.size(db) + (Files.exists(Path.of(db + ".wal")) ? Files.size(Path.of(db + ".wal")) : 0);
        return new BenchResults.Footprint(firstAnswer, memory, dbBytes, gzippedSources(data));
    }

    /** The study files as they come (.csv.gz) plus the sessions CSV gzipped (level 6, as gzip does by default). */
    private static long gzippedSources(Path data) throws IOException {
        long[] count = new long[1];
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        try (GZIPOutputStream gzip = new GZIPOutputStream(counter, 1 << 16)) {
            Files.copy(data.resolve(SampleData.SESSIONS_FILE), gzip);
        }
        try (Stream<Path> files = Files.list(data.resolve(SampleData.STUDY_DIR))) {
            for (Path file : files.toList()) {
                count[0] += Files.size(file);
            }
        }
        return count[0];
    }
}
