package qoegraph.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qoegraph.query.SelectedMetric.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import qoegraph.query.Filter;
import qoegraph.query.Operator;
import qoegraph.query.Query;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * Every published figure (docs/architecture.md), asked of the engine (validator, planner, compiler, runner) over the
 * generated files as the Ingester loads them. The figures are typed here from the publications, not taken from
 * the generators: counts must be equal, means within 2%. The study runs at a tenth of its size
 * ({@link GeneratedData#STUDY_SCALE}), so its log volumes are the published ones times the scale.
 */
@ExtendWith(GeneratedData.Resolver.class)
class PublishedFiguresTest {
    private static final double MEAN_TOLERANCE = 0.02;
    private static final double MB = 1e6;
    private static GeneratedData data;

    @BeforeAll
    static void load(GeneratedData generated) {
        data = generated;
    }

    // ---- 1. Streamroot sessions -------------------------------------------------------------------------

    @Test
    void rowsAndConnectedSplit() throws Exception {
        assertEquals(534_954L, one(Query.newQuery("sessions").metrics("count").build()).get("count"));
        Map<Object, Map<String, Object>> byConnected = by("connected",
                Query.newQuery("sessions").dimensions("connected").metrics("count").build());
        assertEquals(485_753L, byConnected.get(true).get("count"));
        assertEquals(49_201L, byConnected.get(false).get("count"));
        assertEquals(2, byConnected.size());
    }

    @Test
    void rowsWithNoP2pBytes() throws Exception {
        long zero = (Long) one(Query.newQuery("sessions").metrics("count")
                .where(Filter.eq("p2p", 0)).build()).get("count");
        assertEquals(189_917L, zero);
        assertEquals(35.50, 100.0 * zero / 534_954, 0.005);
        Map<String, Object> viewers = one(Query.newQuery("sessions").metrics("count", "p2pViewerCount").build());
        assertEquals(534_954L - 189_917L, viewers.get("p2pViewerCount"), "p2p > 0 is the complement of p2p = 0");
    }

    @Test
    void meanBytesOfConnectedAndNotConnectedViewers() throws Exception {
        Map<Object, Map<String, Object>> rows = by("connected", Query.newQuery("sessions").dimensions("connected")
                .metrics("avgTotalBytes", "meanP2pFraction").build());
        assertMean(20.1386 * MB, rows.get(true).get("avgTotalBytes"), "mean bytes of connected viewers");
        assertMean(6.2766 * MB, rows.get(false).get("avgTotalBytes"), "mean bytes of viewers not connected");
        assertMean(0.355143, rows.get(true).get("meanP2pFraction"), "mean p2p fraction, connected");
        assertEquals(0.0, (Double) rows.get(false).get("meanP2pFraction"), 0.0, "mean p2p fraction, not connected");
    }

    @Test
    void perStreamRowsConnectedShareAndMeanP2pFraction() throws Exception {
        // stream -> rows, connected %, mean p2p fraction
        double[][] published = {
            {1, 100_000, 97.314, 0.578957}, {2, 50_000, 96.804, 0.560373}, {3, 100_000, 96.915, 0.059510},
            {4, 50_000, 96.548, 0.053937}, {5, 50_000, 92.036, 0.253002}, {6, 25_000, 97.004, 0.260744},
            {7, 80_000, 61.53125, 0.366369}, {8, 50_000, 97.454, 0.318345}, {9, 29_954, 88.89297, 0.452496}};
        Map<Object, Map<String, Object>> rows = by("stream", Query.newQuery("sessions").dimensions("stream")
                .metrics("count", "connectedCount", "connectedShare", "meanP2pFraction").build());
        assertEquals(9, rows.size());
        for (double[] p : published) {
            Map<String, Object> row = rows.get((int) p[0]);
            String stream = "stream " + (int) p[0];
            assertEquals((long) p[1], row.get("count"), stream + " rows");
            assertEquals(Math.round(p[1] * p[2] / 100), row.get("connectedCount"), stream + " connected rows");
            assertEquals(p[2], 100 * (Double) row.get("connectedShare"), 0.5e-5 * p[2], stream + " connected %");
            assertMean(p[3], row.get("meanP2pFraction"), stream + " mean p2p fraction");
        }
    }

    @Test
    void perIspRowsNotConnectedAndMeanP2pFraction() throws Exception {
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("Arange", new long[] {165_341, 1_641});
        counts.put("Fro", new long[] {149_789, 7_524});
        counts.put("BTP", new long[] {130_317, 138});
        counts.put("Datch Telecam", new long[] {45_655, 36_415});
        counts.put("Olga", new long[] {43_852, 3_483});
        Map<String, Double> fractions = Map.of("Arange", 0.303336, "BTP", 0.441997, "Datch Telecam", 0.112094,
                "Fro", 0.343874, "Olga", 0.185440);
        assertCategory("isp", counts, fractions);
    }

    @Test
    void perBrowserRowsNotConnectedAndMeanP2pFraction() throws Exception {
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("EarthWolf", new long[] {283_311, 24_076});
        counts.put("Iron", new long[] {217_246, 22_846});
        counts.put("Vectrice", new long[] {20_970, 991});
        counts.put("Swamp", new long[] {13_427, 1_288});
        Map<String, Double> fractions = Map.of("EarthWolf", 0.339323, "Iron", 0.335398, "Swamp", 0.254125,
                "Vectrice", 0.004848);
        assertCategory("browser", counts, fractions);
    }

    /** Rows and not-connected rows per value, two ways (connectedCount, and a where filter), and the means. */
    private static void assertCategory(String dimension, Map<String, long[]> counts, Map<String, Double> fractions)
            throws Exception {
        Map<Object, Map<String, Object>> all = by(dimension, Query.newQuery("sessions").dimensions(dimension)
                .metrics("count", "connectedCount", "meanP2pFraction").build());
        Map<Object, Map<String, Object>> offline = by(dimension, Query.newQuery("sessions").dimensions(dimension)
                .metrics("count").where(Filter.eq("connected", false)).build());
        assertEquals(counts.keySet(), all.keySet());
        counts.forEach((value, published) -> {
            Map<String, Object> row = all.get(value);
            assertEquals(published[0], row.get("count"), value + " rows");
            assertEquals(published[1], (Long) row.get("count") - (Long) row.get("connectedCount"),
                    value + " not connected");
            assertEquals(published[1], offline.get(value).get("count"), value + " rows where connected = false");
            assertMean(fractions.get(value), row.get("meanP2pFraction"), value + " mean p2p fraction");
        });
    }

    @Test
    void viewersOver100MegabytesByBrowserSplitByP2pUse() throws Exception {
        Map<String, long[]> published = Map.of("Iron", new long[] {15_700, 2_976},
                "EarthWolf", new long[] {28_076, 2_058}, "Vectrice", new long[] {4, 793},
                "Swamp", new long[] {174, 184});
        Map<Object, Map<String, Object>> rows = by("browser", Query.newQuery("sessions").dimensions("browser")
                .metrics("count", "p2pViewerCount").where(Filter.compare("total", Operator.GT, 1e8)).build());
        assertEquals(published.keySet(), rows.keySet());
        published.forEach((browser, split) -> {
            long p2pViewers = (Long) rows.get(browser).get("p2pViewerCount");
            assertEquals(split[0], p2pViewers, browser + " over 100 MB with p2p > 0");
            assertEquals(split[1], (Long) rows.get(browser).get("count") - p2pViewers,
                    browser + " over 100 MB, CDN only");
        });
    }

    /** The same split as metrics with a where of their own: one query, all viewers of each browser in each row. */
    @Test
    void viewersOver100MegabytesSplitByP2pUseAsFilteredMetricsInOneQuery() throws Exception {
        Map<String, long[]> published = Map.of("Iron", new long[] {15_700, 2_976, 22_846},
                "EarthWolf", new long[] {28_076, 2_058, 24_076}, "Vectrice", new long[] {4, 793, 991},
                "Swamp", new long[] {174, 184, 1_288});
        Filter big = Filter.compare("total", Operator.GT, 1e8);
        Query query = Query.newQuery("sessions").dimensions("browser")
                .metric(metric("count").as("bigWithP2p").where(Filter.and(big, Filter.compare("p2p", Operator.GT, 0))))
                .metric(metric("count").as("bigCdnOnly").where(Filter.and(big, Filter.eq("p2p", 0))))
                .metric(metric("count").as("notConnected").where(Filter.eq("connected", false))).build();
        Map<Object, Map<String, Object>> rows = by("browser", query);
        assertEquals(published.keySet(), rows.keySet());
        published.forEach((browser, figures) -> {
            assertEquals(figures[0], rows.get(browser).get("bigWithP2p"), browser + " over 100 MB with p2p > 0");
            assertEquals(figures[1], rows.get(browser).get("bigCdnOnly"), browser + " over 100 MB, CDN only");
            assertEquals(figures[2], rows.get(browser).get("notConnected"), browser + " not connected");
        });
        // the share of each ISP's viewers not connected, as one field: datasets.md's counts per ISP
        Map<String, long[]> isps = Map.of("Arange", new long[] {165_341, 1_641}, "Fro", new long[] {149_789, 7_524},
                "BTP", new long[] {130_317, 138}, "Datch Telecam", new long[] {45_655, 36_415},
                "Olga", new long[] {43_852, 3_483});
        Map<Object, Map<String, Object>> shares = by("isp", Query.newQuery("sessions").dimensions("isp")
                .metric(qoegraph.query.SelectedMetric.share("offline", "count", Filter.eq("connected", false))).build());
        isps.forEach((isp, figures) -> assertEquals(figures[1] / (double) figures[0],
                (Double) shares.get(isp).get("offline"), 1e-15, isp + " share not connected"));
    }

    /** Streams 3 and 4 have the lowest P2P fractions (datasets.md: 0.059510 and 0.053937): the worst two, lowest first. */
    @Test
    void theWorstStreamsByP2pFractionLowestFirst() throws Exception {
        List<Map<String, Object>> worst = data.run(Query.newQuery("sessions").dimensions("stream")
                .metrics("meanP2pFraction").top(new Top(2, "meanP2pFraction", List.of(), false,
                        qoegraph.query.OrderBy.Direction.ASC)).build()).rows();
        assertEquals(List.of(4, 3), worst.stream().map(r -> r.get("stream")).toList());
        assertMean(0.053937, worst.get(0).get("meanP2pFraction"), "stream 4 mean p2p fraction");
        assertMean(0.059510, worst.get(1).get("meanP2pFraction"), "stream 3 mean p2p fraction");
    }

    @Test
    void theIspMixOfStream7() throws Exception {
        // "about": within 2% like the means.
        Map<String, Double> published = Map.of("Datch Telecam", 37_000.0, "BTP", 23_000.0, "Fro", 18_500.0,
                "Olga", 500.0, "Arange", 500.0);
        Query query = Query.newQuery("sessions").dimensions("isp").metrics("count")
                .metric(metric("count").as("share").window(Window.of(WindowFunction.SHARE)))
                .where(Filter.eq("stream", 7)).build();
        Map<Object, Map<String, Object>> rows = by("isp", query);
        assertEquals(published.keySet(), rows.keySet());
        published.forEach((isp, about) -> {
            assertMean(about, ((Long) rows.get(isp).get("count")).doubleValue(), "stream 7 viewers of " + isp);
            assertEquals((Long) rows.get(isp).get("count") / 80_000.0, (Double) rows.get(isp).get("share"), 1e-12,
                    "share of " + isp + " in stream 7");
        });
        assertEquals("Datch Telecam", data.run(query.transform(b -> b.orderBy(qoegraph.query.OrderBy.desc("count"))
                .limit(1))).rows().get(0).get("isp"), "stream 7 is mostly Datch Telecam viewers");
    }

    /**
     * Two statements of the original analysis (README: The sample data) that no published figure contradicts and the sample
     * keeps: 34% of Olga's viewers get bytes from peers; over 100 MB, BTP has the most viewers, about 17,500.
     */
    @Test
    void olgaViewersWithP2pAndBtpViewersOver100Megabytes() throws Exception {
        Map<String, Object> olga = one(Query.newQuery("sessions").metrics("connectedShare", "p2pViewerShare")
                .where(Filter.eq("isp", "Olga")).build());
        assertEquals(0.92, (Double) olga.get("connectedShare"), 0.005, "Olga's connected share");
        assertEquals(0.34, (Double) olga.get("p2pViewerShare"), 0.01, "share of Olga's viewers with p2p > 0");
        Map<Object, Map<String, Object>> large = by("isp", Query.newQuery("sessions").dimensions("isp")
                .metrics("count", "p2pViewerCount").where(Filter.compare("total", Operator.GT, 1e8)).build());
        for (String metric : List.of("count", "p2pViewerCount")) {
            Map<String, Object> most = large.values().stream()
                    .max(java.util.Comparator.comparingLong(row -> (Long) row.get(metric))).orElseThrow();
            assertEquals("BTP", most.get("isp"), "most viewers over 100 MB by " + metric + ": " + large);
            assertEquals(17_500, (Long) most.get(metric), 0.05 * 17_500, "BTP over 100 MB by " + metric);
        }
    }

    // ---- 2. UCN study (at STUDY_SCALE) ------------------------------------------------------------------

    @Test
    void usersPerCountryAndUsersWithTraffic() throws Exception {
        Map<Object, Map<String, Object>> users = by("country",
                Query.newQuery("users").dimensions("country").metrics("count").build());
        assertEquals(11L, users.get("fr").get("count"));
        assertEquals(14L, users.get("uk").get("count"));
        assertEquals(2, users.size());
        Map<Object, Map<String, Object>> active = by("country",
                Query.newQuery("traffic").dimensions("country").metrics("users").build());
        assertEquals(11L - 3, active.get("fr").get("users"), "3 French users have no traffic at all");
        assertEquals(14L, active.get("uk").get("users"));
    }

    /** With includeEmpty every user is a row: the 3 French users without traffic show, with 0 bytes. */
    @Test
    void perUserTotalsIncludeTheUsersWithoutTraffic() throws Exception {
        List<Map<String, Object>> rows = data.run(Query.newQuery("traffic").dimensions("userId", "country")
                .metrics("bytes", "count").where(Filter.eq("shared", false)).includeEmpty(true).build()).rows();
        assertEquals(25, rows.size(), "every participant");
        List<Map<String, Object>> none = rows.stream().filter(r -> (Long) r.get("bytes") == 0).toList();
        assertEquals(3, none.size(), "participants without traffic");
        assertTrue(none.stream().allMatch(r -> r.get("country").equals("fr") && (Long) r.get("count") == 0), "French");
    }

    /** datasets.md: the per-user collection span is up to 103 days, the median about 35: tsMax - tsMin per user. */
    @Test
    void collectionSpansFromTheFirstAndLastTimeOfEachUser() throws Exception {
        List<Double> days = new java.util.ArrayList<>();
        for (Map<String, Object> r : data.run(Query.newQuery("traffic").dimensions("userId").metrics("tsMin", "tsMax")
                .where(Filter.eq("shared", false)).build()).rows()) {
            java.time.Duration span = java.time.Duration.between((java.time.OffsetDateTime) r.get("tsMin"),
                    (java.time.OffsetDateTime) r.get("tsMax"));
            days.add(span.toSeconds() / 86_400.0);
        }
        days.sort(null);
        assertEquals(103, Math.round(days.get(days.size() - 1)), "longest span, days");
        double median = (days.get((days.size() - 1) / 2) + days.get(days.size() / 2)) / 2;
        assertEquals(35, median, 35 * 0.1, "median span, days");
    }

    @Test
    void devicesSharedDevicesAndPersonalLinks() throws Exception {
        Map<String, Object> devices = one(Query.newQuery("devices").metrics("count", "devices", "sharedDevices")
                .build());
        assertEquals(47L, devices.get("count"));
        assertEquals(47L, devices.get("devices"));
        assertEquals(3L, devices.get("sharedDevices"));
        Map<String, Object> personal = one(Query.newQuery("devices").metrics("count", "users")
                .where(Filter.compare("userId", Operator.IS_NULL, false)).build());
        assertEquals(44L, personal.get("count"), "personal user-device links");
        Map<Object, Map<String, Object>> shared = by("shared",
                Query.newQuery("devices").dimensions("shared").metrics("count").build());
        assertEquals(3L, shared.get(true).get("count"));
        assertEquals(44L, shared.get(false).get("count"));
    }

    @Test
    void dnsAndHttpRequestCounts() throws Exception {
        long dns = (Long) one(Query.newQuery("dnsRequests").metrics("count").build()).get("count");
        assertEquals(Math.round(327_707 * GeneratedData.STUDY_SCALE), dns);
        long http = (Long) one(Query.newQuery("httpRequests").metrics("count").build()).get("count");
        assertEquals(1_665_665 * GeneratedData.STUDY_SCALE, http, 1_665_665 * GeneratedData.STUDY_SCALE * 0.01,
                "about 1,665,665 HTTP requests");
    }

    @Test
    void flowsAndGigabytesPerPort() throws Exception {
        Map<Object, Map<String, Object>> ports = by("dstPort", Query.newQuery("traffic").dimensions("dstPort")
                .metrics("flows", "bytes").where(Filter.compare("dstPort", Operator.IN, List.of(80, 443, 53))).build());
        double scale = GeneratedData.STUDY_SCALE;
        assertEquals(3, ports.size());
        assertMean(1_127_116 * scale, ((Long) ports.get(80).get("flows")).doubleValue(), "flows to port 80");
        assertMean(305_355 * scale, ((Long) ports.get(443).get("flows")).doubleValue(), "flows to port 443");
        assertMean(378_635 * scale, ((Long) ports.get(53).get("flows")).doubleValue(), "flows to port 53");
        assertMean(12.7e9 * scale, ((Long) ports.get(80).get("bytes")).doubleValue(), "bytes to port 80");
        assertMean(32.4e9 * scale, ((Long) ports.get(443).get("bytes")).doubleValue(), "bytes to port 443");
    }

    @Test
    void heavyUsersPortSharesOfBytes() throws Exception {
        List<Object> heavy = new java.util.ArrayList<>();
        heavy.addAll(heaviest("fr", 6));
        heavy.addAll(heaviest("uk", 8));
        Filter theirs = Filter.compare("userId", Operator.IN, heavy);
        assertEquals(27L, one(Query.newQuery("traffic").metrics("devices").where(theirs).build()).get("devices"),
                "devices of the 14 heaviest users");
        Map<Object, Map<String, Object>> ports = by("dstPort", Query.newQuery("traffic").dimensions("dstPort")
                .metrics("bytes").metric(metric("bytes").as("share").window(Window.of(WindowFunction.SHARE)))
                .where(theirs).build());
        double http = (Double) ports.get(80).get("share");
        double https = (Double) ports.get(443).get("share");
        assertMean(0.284, http, "port 80 share of the heavy users' bytes");
        assertMean(0.683, https, "port 443 share of the heavy users' bytes");
        assertMean(0.967, http + https, "ports 80 and 443 together");
        long total = (Long) one(Query.newQuery("traffic").metrics("bytes").where(theirs).build()).get("bytes");
        assertEquals((Long) ports.get(80).get("bytes") / (double) total, http, 1e-12, "SHARE is bytes / all bytes");
    }

    /** The n users of a country with the most bytes on their personal devices (top-N per the engine). */
    private static List<Object> heaviest(String country, int n) throws Exception {
        Query query = Query.newQuery("traffic").dimensions("country", "userId").metrics("bytes")
                .where(Filter.eq("country", country)).top(new Top(n, "bytes", List.of("country"), false)).build();
        List<Object> users = data.run(query).rows().stream().map(r -> r.get("userId")).toList();
        assertEquals(n, users.size(), "heaviest users of " + country);
        return users;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Map<String, Object> one(Query query) throws Exception {
        List<Map<String, Object>> rows = data.run(query).rows();
        assertEquals(1, rows.size(), "one row of totals");
        return rows.get(0);
    }

    private static Map<Object, Map<String, Object>> by(String key, Query query) throws Exception {
        Map<Object, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : data.run(query).rows()) {
            assertTrue(out.put(row.get(key), row) == null, "one row per " + key + ": " + row);
        }
        return out;
    }

    private static void assertMean(double published, Object actual, String what) {
        double value = ((Number) actual).doubleValue();
        assertEquals(published, value, Math.abs(published) * MEAN_TOLERANCE, what + ": published " + published
                + ", got " + value);
    }
}
