package qoegraph.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.model.Dataset;
import qoegraph.plan.BuiltRollups;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.QueryException;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * The same random queries with rollups on and off against one database (DuckDB, or Trino with
 * {@code -Dqoegraph.test.engine=trino}): the same rows, and the rollup
 * named as the source exactly when the query is one a rollup can serve (the generator knows which
 * elements no rollup has: raw times, minutes, a +05:30 zone, unaligned time filters, unkept dimensions,
 * medians and distinct counts), with metrics filtered by a where of their own, shares, lowest-first top-N and
 * empty groups among them.
 */
class RollupDifferentialTest {
    /** 300; fewer on Trino, whose every statement is a round of HTTP requests to a coordinator and its workers. */
    private static final int QUERIES = Integer.getInteger("rollup.difftest.queries", 300);
    private static RollupData data;
    private static LocalDateTime firstDay;

    @BeforeAll
    static void setUp() throws Exception {
        data = new RollupData();
        try (var c = data.root.duplicate(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT date_trunc('day', min(ts)) FROM deviceapptraffic")) {
            rs.next();
            firstDay = rs.getTimestamp(1).toLocalDateTime();
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        data.close();
    }

    /** A query and whether a rollup should serve it. */
    record Case(Query query, boolean servable) {
    }

    /** The answer, or a failure that names the query (an engine's error alone does not). */
    private static RollupData.Answer run(Query query, BuiltRollups rollups) throws Exception {
        try {
            return data.run(query, rollups);
        } catch (java.sql.SQLException e) {
            throw new AssertionError("failed: " + query + (rollups == BuiltRollups.NONE ? " on the tables" : ""), e);
        }
    }

    @Test
    void rollupsAnswerAsTheBaseTablesDo() throws Exception {
        Random random = new Random(4);
        int ran = 0;
        int served = 0;
        int invalid = 0;
        int doubles = 0;
        int doublesDiffering = 0;
        double worst = 0;
        Map<String, Integer> differingKeys = new java.util.TreeMap<>();
        for (int attempt = 0; ran < QUERIES && attempt < QUERIES * 5; attempt++) {
            Case c = random.nextInt(3) == 0 ? sessions(random) : traffic(random);
            RollupData.Answer base;
            try {
                base = run(c.query(), BuiltRollups.NONE);
            } catch (QueryException e) {
                invalid++;
                continue;
            }
            RollupData.Answer withRollups = run(c.query(), data.rollups);
            ran++;
            String kind = withRollups.plan().source().kind();
            assertEquals(c.servable() ? "rollup" : "table", kind, () -> "source of " + c.query());
            if (kind.equals("rollup")) {
                served++;
            }
            List<Map<String, Object>> expected = base.result().rows();
            List<Map<String, Object>> actual = withRollups.result().rows();
            assertEquals(expected.size(), actual.size(), () -> "rows of " + c.query());
            assertEquals(base.result().truncated(), withRollups.result().truncated());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).keySet(), actual.get(i).keySet());
                for (String key : expected.get(i).keySet()) {
                    Object e = expected.get(i).get(key);
                    Object a = actual.get(i).get(key);
                    if (e instanceof Double de && a instanceof Double da) {
                        doubles++;
                        if (!de.equals(da)) {
                            doublesDiffering++;
                            differingKeys.merge(c.query().dataset() + "." + key, 1, Integer::sum);
                            double rel = Math.abs(de - da) / Math.max(Math.abs(de), Math.abs(da));
                            worst = Math.max(worst, rel);
                            if (rel > 1e-12) {
                                fail("row " + i + " " + key + ": " + e + " from the table, " + a + " from the rollup, in "
                                        + c.query());
                            }
                        }
                    } else if (!Objects.equals(e, a)) {
                        fail("row " + i + " " + key + ": " + e + " from the table, " + a + " from the rollup, in " + c.query());
                    }
                }
            }
        }
        System.out.printf("rollup differential: %d queries (%d invalid skipped), %d served by a rollup; %d double"
                + " values, %d not bit-equal (worst relative difference %.3g)%n", ran, invalid, served, doubles,
                doublesDiffering, worst);
        System.out.println("rollup differential: not bit-equal by field: " + differingKeys);
        assertTrue(ran >= QUERIES * 2 / 3, "ran " + ran);
        assertTrue(served >= QUERIES * 4 / 15, "served " + served);
        assertTrue(ran - served >= QUERIES * 2 / 15, "base " + (ran - served));
    }

    private static final List<String> SESSION_DIMS = List.of("stream", "isp", "browser", "connected");
    private static final List<String> SESSION_METRICS = List.of("count", "connectedCount", "connectedShare",
            "p2pBytes", "cdnBytes", "totalBytes", "p2pShare", "meanP2pFraction", "p2pViewerCount", "avgTotalBytes");
    private static final List<String> TRAFFIC_DIMS = List.of("devtype", "os", "dstPort", "location", "country",
            "service", "deviceId", "shared", "userId");
    private static final List<String> TRAFFIC_METRICS = List.of("count", "bytes", "bytesIn", "bytesOut", "packets",
            "packetsIn");

    private static Case sessions(Random r) {
        Query.Builder q = Query.newQuery("sessions");
        boolean servable = true;
        List<String> dims = pick(r, SESSION_DIMS, r.nextInt(4));
        dims.forEach(d -> q.dimension(SelectedDimension.dimension(d)));
        if (r.nextInt(10) == 0) {
            q.dimension(SelectedDimension.dimension("p2p").bucketWidth(1e6));
            servable = false;
        }
        List<String> metrics = pick(r, SESSION_METRICS, 1 + r.nextInt(3));
        if (r.nextInt(8) == 0) {
            metrics.add(unservableMetric(r, "sessions"));
            servable = false;
        }
        addMetrics(r, q, metrics, !dims.isEmpty());
        switch (r.nextInt(6)) {
            // a metric's own where: a rollup serves it when it keeps the filter's columns
            case 0 -> q.metric(SelectedMetric.metric("count").as("notConnected")
                    .where(Filter.eq("connected", false)));
            case 1 -> q.metric(SelectedMetric.share("btpShare", "totalBytes", Filter.eq("isp", "BTP")));
            case 2 -> {
                q.metric(SelectedMetric.metric("count").as("big").where(Filter.compare("total", Operator.GT, 1e8)));
                servable = false;
            }
            default -> { }
        }
        if (!dims.isEmpty() && r.nextInt(5) == 0) {
            q.includeEmpty(true);
        }
        List<Filter> where = new ArrayList<>();
        switch (r.nextInt(7)) {
            case 0 -> where.add(Filter.eq("isp", List.of("Fro", "Arange", "BTP", "Olga").get(r.nextInt(4))));
            case 1 -> where.add(Filter.compare("browser", Operator.IN, List.of("Iron", "Swamp")));
            case 2 -> where.add(Filter.eq("connected", r.nextBoolean()));
            case 3 -> where.add(Filter.not(Filter.compare("stream", Operator.IN, List.of(1, 2, 3))));
            case 4 -> {
                where.add(Filter.compare("p2p", Operator.GT, 1_000_000));
                servable = false;
            }
            default -> { }
        }
        if (!where.isEmpty()) {
            q.where(Filter.and(where.toArray(Filter[]::new)));
        }
        if (!dims.isEmpty() && r.nextInt(6) == 0) {
            boolean other = !q.build().includeEmpty() && r.nextBoolean();
            q.top(new Top(2, metrics.get(0), List.of(), other, direction(r)));
        }
        return new Case(q.build(), servable);
    }

    private static OrderBy.Direction direction(Random r) {
        return r.nextBoolean() ? OrderBy.Direction.ASC : OrderBy.Direction.DESC;
    }

    private static Case traffic(Random r) {
        Query.Builder q = Query.newQuery("traffic");
        boolean servable = true;
        boolean time = r.nextInt(10) < 6;
        String zone = List.of("UTC", "UTC", "UTC", "Europe/Paris", "Europe/London", "PARTICIPANT", "Asia/Kolkata")
                .get(r.nextInt(7));
        q.timezone(zone);
        if (time) {
            SelectedDimension ts = SelectedDimension.dimension("ts");
            switch (r.nextInt(9)) {
                case 0 -> ts = ts.granularity(Granularity.HOUR);
                case 1 -> ts = ts.granularity(Granularity.DAY);
                case 2 -> ts = ts.granularity(Granularity.WEEK);
                case 3 -> ts = ts.granularity(Granularity.MONTH);
                case 4 -> ts = ts.part(DatePart.HOUR_OF_DAY);
                case 5 -> ts = ts.part(DatePart.DAY_OF_WEEK);
                case 6 -> {
                    ts = ts.granularity(Granularity.MINUTE);
                    servable = false;
                }
                case 7 -> servable = false;
                default -> ts = ts.granularity(Granularity.DAY);
            }
            q.dimension(ts);
            if (zone.equals("Asia/Kolkata")) {
                servable = false;
            }
        }
        List<String> dims = pick(r, TRAFFIC_DIMS, r.nextInt(time ? 2 : 3));
        dims.forEach(d -> q.dimension(SelectedDimension.dimension(d)));
        if (r.nextInt(10) == 0) {
            q.dimension(SelectedDimension.dimension("proto"));
            servable = false;
        }
        List<String> metrics = pick(r, TRAFFIC_METRICS, 1 + r.nextInt(3));
        if (r.nextInt(8) == 0) {
            metrics.add(List.of("flows", "distinctDstIps", "bytesMedian").get(r.nextInt(3)));
            servable = false;
        }
        addMetrics(r, q, metrics, time || !dims.isEmpty());
        switch (r.nextInt(6)) {
            case 0 -> q.metric(SelectedMetric.metric("bytes").as("https").where(Filter.eq("dstPort", 443)));
            case 1 -> q.metric(SelectedMetric.share("phoneShare", "bytes", Filter.eq("devtype", "phone")));
            case 2 -> {
                q.metric(SelectedMetric.metric("count").as("udp").where(Filter.eq("proto", 17)));
                servable = false;
            }
            default -> { }
        }
        if ((time || !dims.isEmpty()) && r.nextInt(5) == 0) {
            q.includeEmpty(true);
        }
        List<Filter> where = new ArrayList<>();
        switch (r.nextInt(9)) {
            case 0 -> where.add(Filter.eq("devtype", List.of("phone", "laptop", "tablet", "pc").get(r.nextInt(4))));
            case 1 -> where.add(Filter.compare("dstPort", Operator.IN, List.of(80, 443)));
            case 2 -> where.add(Filter.compare("ts", Operator.GTE, firstDay.plusDays(2)));
            case 3 -> where.add(Filter.or(Filter.compare("ts", Operator.LT, firstDay.plusDays(3).plusHours(5)),
                    Filter.compare("country", Operator.IS_NULL, true)));
            case 4 -> {
                where.add(Filter.compare("ts", Operator.GTE, firstDay.plusDays(2).plusMinutes(30)));
                servable = false;
            }
            case 5 -> {
                where.add(Filter.compare("ts", Operator.LTE, firstDay.plusDays(2)));
                servable = false;
            }
            case 6 -> {
                where.add(Filter.compare("bytesIn", Operator.GT, 1000));
                servable = false;
            }
            default -> { }
        }
        if (!where.isEmpty()) {
            q.where(Filter.and(where.toArray(Filter[]::new)));
        }
        if (!dims.isEmpty() && r.nextInt(6) == 0) {
            boolean other = !q.build().includeEmpty() && r.nextBoolean();
            q.top(new Top(3, metrics.get(0), time ? List.of("ts") : List.of(), other, direction(r)));
        }
        return new Case(q.build(), servable);
    }

    private static void addMetrics(Random r, Query.Builder q, List<String> metrics, boolean grouped) {
        for (int i = 0; i < metrics.size(); i++) {
            SelectedMetric m = SelectedMetric.metric(metrics.get(i));
            if (grouped && i == metrics.size() - 1 && r.nextInt(6) == 0) {
                WindowFunction fn = List.of(WindowFunction.SHARE, WindowFunction.RANK, WindowFunction.CUMULATIVE_SUM)
                        .get(r.nextInt(3));
                m = m.as(m.name() + "W").window(Window.of(fn));
            }
            q.metric(m);
        }
    }

    private static String unservableMetric(Random r, String dataset) {
        Dataset d = data.model.dataset(dataset).orElseThrow();
        List<String> names = d.metrics().values().stream().filter(m -> !d.reaggregatable(m) && !m.takesQuantile())
                .map(m -> m.name()).toList();
        return names.get(r.nextInt(names.size()));
    }

    private static List<String> pick(Random r, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, r);
        return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    }
}
