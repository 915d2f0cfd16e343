package qoegraph.difftest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import qoegraph.plan.Plan;
import qoegraph.plan.Source;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;

/**
 * Hundreds of random queries per run, each answered by the engine over DuckDB and by {@link Oracle} in plain
 * Java over the rows this package parsed from the generated CSV files; the two must agree. When a rollup
 * serves a query, the base table's answer is checked too. A run draws a new seed unless
 * {@code -Ddifftest.seed=<seed>} fixes it; the seed is in every failure message. {@code -Ddifftest.sessions=},
 * {@code .traffic=}, {@code .synthetic=}, {@code .dns=} set the number of queries per dataset, and
 * {@code -Ddifftest.verbose=true} prints each query.
 */
@ExtendWith(GeneratedData.Resolver.class)
class RandomizedDifferentialTest {
    static final int SESSIONS_QUERIES = Integer.getInteger("difftest.sessions", 120);
    static final int TRAFFIC_QUERIES = Integer.getInteger("difftest.traffic", 90);
    static final int SYNTHETIC_QUERIES = Integer.getInteger("difftest.synthetic", 60);
    static final int DNS_QUERIES = Integer.getInteger("difftest.dns", 50);
    static final long SEED = Long.getLong("difftest.seed", System.nanoTime() ^ System.currentTimeMillis());
    static final boolean VERBOSE = Boolean.getBoolean("difftest.verbose");
    private static final AtomicInteger ROLLUP_SERVED = new AtomicInteger();
    private static GeneratedData data;

    @BeforeAll
    static void load(GeneratedData generated) {
        data = generated;
        System.out.println("RandomizedDifferentialTest seed " + SEED + " (rerun with -Ddifftest.seed=" + SEED + ")");
    }

    static QueryGenerator.Spec sessionsSpec(GeneratedData data) {
        Table t = data.sessions();
        List<Double> bytes = List.of(1e6, 1e7, 2.5e7, 5e7);
        return new QueryGenerator.Spec("sessions", data.engine, t, new Oracle(t, Metrics.sessions(t)),
                List.of("stream", "isp", "browser", "connected"),
                Map.of("stream", List.of(2.0, 3.0, 4.0), "p2p", bytes, "cdn", bytes, "total", bytes),
                Map.of("p2p", List.of(2.0, 10.0, 4.0, 1.5), "cdn", List.of(2.0, 10.0, 4.0, 1.5),
                        "total", List.of(2.0, 10.0, 4.0, 1.5)),
                null, new ArrayList<>(t.columns.keySet()), List.of("UTC", "UTC", "UTC", "Asia/Kolkata"),
                new QueryGenerator.RollupProfile(List.of("stream", "isp", "browser", "connected"),
                        List.of("count", "connectedCount", "connectedShare", "p2pBytes", "cdnBytes", "totalBytes",
                                "p2pShare", "meanP2pFraction", "p2pViewerCount", "avgTotalBytes")));
    }

    static QueryGenerator.Spec trafficSpec(GeneratedData data) {
        return trafficSpec(data.engine, data.traffic());
    }

    static QueryGenerator.Spec trafficSpec(GeneratedData.Engine engine, Table t) {
        List<Double> bytes = List.of(1e4, 1e5, 1e6);
        List<Double> packets = List.of(10.0, 100.0, 1000.0);
        return new QueryGenerator.Spec("traffic", engine, t, new Oracle(t, Metrics.traffic(t)),
                List.of("devId", "proto", "dstPort", "service", "userId", "location", "deviceId", "deviceName",
                        "devtype", "os", "shared", "country", "locationId"),
                Map.of("bytesIn", bytes, "bytesOut", bytes, "bytes", bytes, "packetsIn", packets,
                        "packetsOut", packets, "srcPort", List.of(1000.0, 10000.0), "dstPort", List.of(100.0, 1000.0)),
                Map.of("bytesIn", List.of(2.0, 10.0, 3.0), "bytesOut", List.of(2.0, 10.0, 3.0),
                        "bytes", List.of(2.0, 10.0, 3.0), "packetsIn", List.of(2.0, 10.0),
                        "packetsOut", List.of(2.0, 10.0)),
                "ts", new ArrayList<>(t.columns.keySet()),
                List.of("UTC", "UTC", "Europe/Paris", "America/St_Johns", Query.PARTICIPANT),
                new QueryGenerator.RollupProfile(List.of("deviceId", "devtype", "os", "shared", "userId", "country",
                        "dstPort", "service", "location"),
                        List.of("count", "bytesIn", "bytesOut", "bytes", "packetsIn", "packetsOut", "packets")));
    }

    @Test
    void sessionsQueriesAgreeWithTheOracle() {
        check("sessions", sessionsSpec(data), SESSIONS_QUERIES, SEED);
    }

    @Test
    void trafficQueriesAgreeWithTheOracle() {
        check("traffic", trafficSpec(data), TRAFFIC_QUERIES, SEED + 1);
    }

    static QueryGenerator.Spec dnsSpec(GeneratedData data) {
        Table t = data.dns();
        return new QueryGenerator.Spec("dnsRequests", data.engine, t, new Oracle(t, Metrics.dns(t)),
                List.of("devId", "proto", "queryType", "queryTld", "ansType", "matchesEasylist", "matchesEasyprivacy",
                        "matchesBlacklist", "userReq", "duplicate", "userId", "deviceName", "devtype", "os", "shared",
                        "country"),
                Map.of("srcPort", List.of(10.0), "dstPort", List.of(1000.0, 10000.0)),
                Map.of("dstPort", List.of(2.0, 10.0)),
                "ts", new ArrayList<>(t.columns.keySet()),
                List.of("UTC", "Europe/London", "America/St_Johns", Query.PARTICIPANT),
                new QueryGenerator.RollupProfile(List.of("deviceId", "devtype", "os", "shared", "userId", "country",
                        "userReq", "duplicate"), List.of("count", "userRequests")));
    }

    @Test
    void dnsQueriesAgreeWithTheOracle() {
        check("dnsRequests", dnsSpec(data), DNS_QUERIES, SEED + 3);
    }

    @Test
    void trafficAroundOffsetChangesAgreesWithTheOracle() {
        check("synthetic traffic", trafficSpec(data.synthetic, data.syntheticTraffic()), SYNTHETIC_QUERIES,
                SEED + 2);
    }

    static void check(String label, QueryGenerator.Spec spec, int queries, long seed) {
        QueryGenerator generator = new QueryGenerator(spec, seed);
        List<String> failures = new ArrayList<>();
        int unstable = 0;
        int rollupsBefore = ROLLUP_SERVED.get();
        long oracleNanos = 0;
        long engineNanos = 0;
        for (int i = 0; i < queries; i++) {
            long started = System.nanoTime();
            QueryGenerator.Case c = generator.next();
            long drawn = System.nanoTime();
            List<String> problems = compare(spec, c);
            engineNanos += System.nanoTime() - drawn;
            oracleNanos += drawn - started;
            unstable += c.expected().unstable() == null ? 0 : 1;
            if (VERBOSE) {
                System.out.println(label + " #" + i + ": " + c.expected().rows().size() + " rows, "
                        + c.expected().grouping().matchedRows() + " matched, " + c.query());
            }
            if (!problems.isEmpty()) {
                failures.add(label + " query #" + i + " (seed " + seed + "): " + c.query() + "\n    "
                        + String.join("\n    ", problems));
            }
        }
        System.out.printf("%s: %d queries (%d from rollups, %d with values left unchecked); oracle %.1f s,"
                + " engine %.1f s%n", label, queries, ROLLUP_SERVED.get() - rollupsBefore, unstable, oracleNanos / 1e9, engineNanos / 1e9);
        if (unstable > Math.max(2, queries / 10)) {
            failures.add(unstable + " queries had values that rounding or ties alone may change: draw fewer of them");
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + queries + " " + label + " queries disagree with the oracle "
                    + "(rerun with -Ddifftest.seed=" + SEED + "):\n" + String.join("\n", failures.subList(0,
                    Math.min(12, failures.size()))));
        }
    }

    /** The problems of the server's answer, and of the base tables' one when a rollup gave the first. */
    static List<String> compare(QueryGenerator.Spec spec, QueryGenerator.Case c) {
        List<String> problems = new ArrayList<>();
        try {
            Plan plan = spec.engine().plan(c.query());
            problems.addAll(compare(spec, c, q -> spec.engine().run(q)));
            if (plan.source() instanceof Source.Rollup rollup) {
                ROLLUP_SERVED.incrementAndGet();
                problems.replaceAll(p -> "from rollup " + rollup.name() + ": " + p);
                compare(spec, c, q -> spec.engine().runOnTable(q)).forEach(p -> problems.add("from the table: " + p));
            }
        } catch (Exception | AssertionError e) {
            problems.add("engine failed: " + e);
        }
        return problems;
    }

    /**
     * The engine's exact decimals (byte sums and bytes of the sessions, DECIMAL in the store) as doubles: the oracle
     * adds doubles, so values compare within its tolerance (ExactSessionSumsTest checks the exact digits).
     */
    private static QueryResult doubles(QueryResult result) {
        List<Map<String, Object>> rows = result.rows().stream().map(row -> {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
            copy.replaceAll((k, v) -> v instanceof java.math.BigDecimal d ? (Object) d.doubleValue() : v);
            return copy;
        }).toList();
        return new QueryResult(rows, result.truncated(), result.elapsed());
    }

    interface Runner {
        QueryResult run(Query query) throws Exception;
    }

    private static List<String> compare(QueryGenerator.Spec spec, QueryGenerator.Case c, Runner engine) {
        Query query = c.query();
        List<Map<String, Object>> expected = c.expected().rows();
        Map<String, Metrics.Def> metrics = spec.oracle().metrics;
        try {
            QueryResult actual = doubles(engine.run(query));
            int n = expected.size();
            int from = Math.min(query.offset(), n);
            int to = (int) Math.min((long) query.offset() + query.limit(), n);
            List<Map<String, Object>> page = expected.subList(from, to);
            List<String> problems = new ArrayList<>();
            boolean truncated = n > (long) query.offset() + query.limit();
            if (actual.truncated() != truncated) {
                problems.add("truncated: expected " + truncated + ", got " + actual.truncated());
            }
            if (c.expected().unstable() != null) {
                return problems; // rounding alone may change the values: the engine must only answer
            }
            if (c.expected().orderRobust()) {
                problems.addAll(new ResultDiff(query, metrics).inOrder(page, actual.rows()).problems());
                return problems;
            }
            if (actual.rows().size() != page.size()) {
                problems.add("expected a page of " + page.size() + " rows, got " + actual.rows().size());
            }
            boolean paged = query.offset() > 0 || query.limit() < n;
            Query unpaged = query.transform(b -> b.limit(QueryGenerator.MAX_LIMIT).offset(0));
            List<Map<String, Object>> all = paged ? doubles(engine.run(unpaged)).rows() : actual.rows();
            problems.addAll(new ResultDiff(query, metrics).asMultiset(expected, all).problems());
            return problems;
        } catch (Exception | AssertionError e) {
            return List.of("engine failed: " + e);
        }
    }
}
