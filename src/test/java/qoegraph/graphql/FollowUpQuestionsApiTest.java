package qoegraph.graphql;

import qoegraph.testsupport.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qoegraph.graphql.SessionsApiTest.row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.testsupport.JsonNumbers;

/**
 * The analyst's follow-up questions of issue 13, each one request over HTTP, against figures counted by hand on
 * {@link Fixtures}: metrics with a where of their own and shares, lowest first, first and last times, zeros and
 * empty groups, subtotals, and warnings for filter values that match nothing.
 *
 * <p>The viewers' totals (p2p + cdn; row 17's missing cdn counts 0): BTP rows 1, 2, 3, 13, 14, 17 = 200, 400, 200,
 * 10000, 10000, 6100.5 (13 not connected); Fro 4, 5, 6, 15 = 500, 200, 1000, 100 (4 not connected); Arange 7, 8, 16 =
 * 1000, 1000, 1000 (7 not connected); Datch Telecam 9, 10 = 2000, 2000 (9 not connected); Olga 11, 12 = 10, 100.
 */
class FollowUpQuestionsApiTest {
    private static final String FIVE_ISPS = "isp: {in: [\"BTP\", \"Fro\", \"Arange\", \"Datch Telecam\", \"Olga\"]}";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    private static List<Map<String, Object>> sessions(String query) throws Exception {
        return server.rows(query, "sessions");
    }

    private static List<Map<String, Object>> traffic(String query) throws Exception {
        return server.rows(query, "traffic");
    }

    /** Rows compared by value: the JSON answer writes a whole Float as 1000, the test may write 1000.0. */
    private static void assertRows(List<?> expected, Object actual) {
        assertEquals(JsonNumbers.canonical(expected), JsonNumbers.canonical(actual));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldExtensions(Map<String, Object> response, String field) {
        Map<String, Object> extensions = (Map<String, Object>) response.get("extensions");
        return (Map<String, Object>) ((Map<String, Object>) extensions.get("fields")).get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> warnings(Map<String, Object> response, String field) {
        Object warnings = fieldExtensions(response, field).get("warnings");
        return warnings == null ? List.of() : (List<Map<String, Object>>) warnings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(String query, String code) throws Exception {
        Map<String, Object> error = server.errors(query).get(0);
        assertEquals(code, ((Map<String, Object>) error.get("extensions")).get("code"), () -> "error: " + error);
        return error;
    }

    // ---- 1. metrics with a where of their own, and shares ------------------------------------------------------

    @Test
    void aMetricsOwnWhereSplitsEachGroupIntoPopulations() throws Exception {
        assertRows(List.of(row("isp", "Arange", "count", 3, "big", 0, "notConnected", 1),
                        row("isp", "BTP", "count", 6, "big", 3, "notConnected", 1),
                        row("isp", "Datch Telecam", "count", 2, "big", 2, "notConnected", 1),
                        row("isp", "Fro", "count", 4, "big", 0, "notConnected", 1),
                        row("isp", "Olga", "count", 2, "big", 0, "notConnected", 0)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}) { isp count big: count(where: {total: {gt: 1000}})"
                        + " notConnected: count(where: {connected: {eq: false}}) } }"));
        // two conditions in one metric's where: BTP's 13 (cdn only, 10000) is the one big viewer without p2p
        assertRows(List.of(row("cdnOnlyBig", 1)),
                sessions("{ sessions(where: {isp: {eq: \"BTP\"}}) {"
                        + " cdnOnlyBig: count(where: {total: {gt: 1000}, p2p: {eq: 0}}) } }"));
    }

    @Test
    void aFilteredRatioDividesTheFilteredParts() throws Exception {
        // Iron: rows 1, 2, 4, 8, 9, 11, 15, 18, 19: p2p 100+300+0+10+0+1+0+1+2 = 414 of 200+400+500+1000+2000+10+100+2+4
        // all: 17334.5 of 17334.5 + 18485 (p2pBytes + cdnBytes)
        assertRows(List.of(row("iron", 414.0 / 4216, "all", 17334.5 / 35819.5)),
                sessions("{ sessions { iron: p2pShare(where: {browser: {eq: \"Iron\"}}) all: p2pShare } }"));
    }

    @Test
    void aFilteredMetricSortsFiltersRanksAndWindowsUnderItsAlias() throws Exception {
        String metrics = "isp big: count(where: {total: {gt: 1000}})";
        assertRows(List.of(row("isp", "BTP", "big", 3), row("isp", "Datch Telecam", "big", 2)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}, orderBy: [{field: \"big\", direction: DESC}],"
                        + " having: {selected: [{key: \"big\", gte: 1}]}) { " + metrics + " } }"));
        assertRows(List.of(row("isp", "BTP", "big", 3)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}, top: {n: 1, byKey: \"big\"}) { " + metrics + " } }"));
        assertRows(List.of(row("isp", "Arange", "rank", 3), row("isp", "BTP", "rank", 1),
                        row("isp", "Datch Telecam", "rank", 2), row("isp", "Fro", "rank", 3), row("isp", "Olga", "rank", 3)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}) { isp"
                        + " rank: count(where: {total: {gt: 1000}}, window: {fn: RANK}) } }"));
    }

    @Test
    void aShareIsThePartOfTheGroupsCountOrSumThatItsWhereKeeps() throws Exception {
        // BTP p2p: 100+300+0+0+9000+6100.5 = 15500.5, of it the big viewers' 0+9000+6100.5; Datch all 500 of 500
        assertRows(List.of(row("isp", "Datch Telecam", "bigShare", 1.0, "p2pFromBig", 1.0),
                        row("isp", "BTP", "bigShare", 0.5, "p2pFromBig", 15100.5 / 15500.5),
                        row("isp", "Arange", "bigShare", 0.0, "p2pFromBig", 0.0),
                        row("isp", "Fro", "bigShare", 0.0, "p2pFromBig", 0.0),
                        row("isp", "Olga", "bigShare", 0.0, "p2pFromBig", 0.0)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}, orderBy: [{field: \"bigShare\", direction: DESC}]) {"
                        + " isp bigShare: share(where: {total: {gt: 1000}})"
                        + " p2pFromBig: share(of: p2pBytes, where: {total: {gt: 1000}}) } }"));
        // a share over a group whose whole is 0 is null: Olga's viewers in stream 9 are none
        assertRows(List.of(row("count", 0, "s", null)), sessions("{ sessions(where: {isp: {eq: \"Olga\"}, stream:"
                + " {eq: 9}}) { count s: share(where: {connected: {eq: true}}) } }"));
    }

    @Test
    void aShareTakesCountsAndSumsOnly() throws Exception {
        Map<String, Object> error = error("{ sessions { s: share(of: p2pShare, where: {isp: {eq: \"BTP\"}}) } }",
                "INVALID_ARGUMENT");
        assertTrue(((String) error.get("message")).contains("p2pShare"), () -> "error: " + error);
        error("{ sessions { s: share } }", "INVALID_ARGUMENT");
        Map<String, Object> inWhere = error("{ sessions { n: count(where: {count: {gt: 1}}) } }", "UNKNOWN_FIELD");
        assertTrue(((String) inWhere.get("message")).contains("count"), () -> "error: " + inWhere);
    }

    // ---- 2. lowest first -------------------------------------------------------------------------------------

    @Test
    void topAndRanksTakeTheLowestFirst() throws Exception {
        // P2P share per stream: 1: 451 / 1502, 2: 1512 / 7004, 3: 9271 / 21213, 9: 6100.5 / 6100.5
        assertRows(List.of(row("stream", 2, "p2pShare", 1512 / 7004.0), row("stream", 1, "p2pShare", 451 / 1502.0)),
                sessions("{ sessions(top: {n: 2, by: p2pShare, direction: ASC}) { stream p2pShare } }"));
        // p2p bytes: stream 1 451, 2 1512, 3 9271, 9 6100.5
        assertRows(List.of(row("stream", 1, "worst", 1, "best", 4), row("stream", 2, "worst", 2, "best", 3),
                        row("stream", 3, "worst", 4, "best", 1), row("stream", 9, "worst", 3, "best", 2)),
                sessions("{ sessions { stream worst: p2pBytes(window: {fn: RANK, direction: ASC})"
                        + " best: p2pBytes(window: {fn: RANK}) } }").stream().map(r -> row("stream", r.get("stream"),
                        "worst", ((Number) r.get("worst")).intValue(), "best", ((Number) r.get("best")).intValue()))
                        .toList());
        // Datch Telecam and Olga tie at 2 viewers: ties go by the dimensions
        assertRows(List.of(row("isp", "Datch Telecam", "count", 2), row("isp", "Olga", "count", 2)),
                sessions("{ sessions(where: {" + FIVE_ISPS + "}, top: {n: 2, by: count, direction: ASC}) { isp count } }"));
        error("{ sessions { isp s: count(window: {fn: SHARE, direction: ASC}) } }", "INVALID_WINDOW");
    }

    // ---- 3. first and last times -------------------------------------------------------------------------------

    @Test
    void timesHaveTheirFirstAndLastAsMetrics() throws Exception {
        // user 1 (devices 10 and 11): 03-28 23:30 .. 10-25 01:30; user 2 (20): 03-29 00:30 .. 10-25 01:30; shared 30
        assertRows(List.of(row("userId", 1, "tsMin", "2015-03-28T23:30:00.000Z", "tsMax", "2015-10-25T01:30:00.000Z"),
                        row("userId", 2, "tsMin", "2015-03-29T00:30:00.000Z", "tsMax", "2015-10-25T01:30:00.000Z"),
                        row("userId", null, "tsMin", "2015-03-29T12:00:00.000Z", "tsMax", "2015-03-29T12:00:00.000Z")),
                traffic("{ traffic { userId tsMin tsMax } }"));
        assertRows(List.of(row("tsMin", "2015-03-29T00:30:00.000+01:00", "tsMax", "2015-10-25T02:30:00.000+01:00")),
                traffic("{ traffic(where: {deviceId: {eq: 10}}, timezone: \"Europe/Paris\") { tsMin tsMax } }"));
        error("{ traffic { deviceId s: tsMin(window: {fn: SHARE}) } }", "INVALID_WINDOW");
        error("{ traffic { deviceId r: tsMin(window: {fn: RANK}) } }", "INVALID_WINDOW");
    }

    // ---- 4. zeros, and the groups without rows ---------------------------------------------------------------

    @Test
    void countsAndSumsOverNoRowsAreZeroAndRatiosNull() throws Exception {
        assertRows(List.of(row("bytes", 0, "count", 0)),
                traffic("{ traffic(where: {userId: {in: [8, 9, 12]}}) { bytes count } }"));
        Map<String, Object> none = new java.util.LinkedHashMap<>();
        none.put("count", 0);
        none.put("totalBytes", 0.0);
        none.put("p2pViewerCount", 0);
        none.put("p2pShare", null);
        none.put("avgTotalBytes", null);
        assertRows(List.of(none), sessions("{ sessions(where: {stream: {eq: 42}}) { count totalBytes p2pViewerCount"
                + " p2pShare avgTotalBytes } }"));
    }

    @Test
    void includeEmptyAddsTheReferenceMembersWithoutRows() throws Exception {
        // alice (1): 110+220+440+11+22 (device 10) + 100 (11) = 903 bytes in 6 rows; bob (2): 11000 in 4; carol (3):
        // none; the shared device 30's row has no owner
        assertRows(List.of(row("userId", 1, "country", "fr", "bytes", 903, "count", 6),
                        row("userId", 2, "country", "uk", "bytes", 11000, "count", 4),
                        row("userId", 3, "country", "fr", "bytes", 0, "count", 0),
                        row("userId", null, "country", null, "bytes", 10, "count", 1)),
                traffic("{ traffic(includeEmpty: true) { userId country bytes count } }"));
        // a where on the members' own columns keeps to them; the worst user first is carol, with nothing
        assertRows(List.of(row("userId", 1, "bytes", 903), row("userId", 3, "bytes", 0)),
                traffic("{ traffic(where: {country: {eq: \"fr\"}}, includeEmpty: true) { userId bytes } }"));
        assertRows(List.of(row("userId", 3, "bytes", 0)),
                traffic("{ traffic(where: {shared: {eq: false}}, includeEmpty: true,"
                        + " top: {n: 1, by: bytes, direction: ASC}) { userId bytes } }"));
        // every device, the shared one included: DNS requests d1, d2 (device 10), d3 (20)
        assertRows(List.of(row("deviceId", 10, "count", 2), row("deviceId", 11, "count", 0),
                        row("deviceId", 20, "count", 1), row("deviceId", 30, "count", 0)),
                server.rows("{ dnsRequests(includeEmpty: true) { deviceId count } }", "dnsRequests"));
        // without any group, a dimension of seen values has one member, null: carol (3) has no traffic, and still shows
        assertRows(List.of(row("userId", 3, "dstPort", null, "bytes", 0)),
                traffic("{ traffic(where: {userId: {eq: 3}}, includeEmpty: true) { userId dstPort bytes } }"));
        // having applies to the added groups too
        assertRows(List.of(row("userId", 1, "count", 6), row("userId", 2, "count", 4), row("userId", null, "count", 1)),
                traffic("{ traffic(includeEmpty: true, having: {count: {gt: 0}}) { userId count } }"));
    }

    @Test
    void includeEmptyGivesEveryPeriodOfTheFilteredRangeSoNeighboursAreNeighbouringPeriods() throws Exception {
        // device 20 in March: 1100 + 2200 bytes on the 29th, nothing on the 28th, 30th and 31st
        assertRows(List.of(row("day", "2015-03-28T00:00:00.000Z", "bytes", 0, "avg", 0.0),
                        row("day", "2015-03-29T00:00:00.000Z", "bytes", 3300, "avg", 1650.0),
                        row("day", "2015-03-30T00:00:00.000Z", "bytes", 0, "avg", 1650.0),
                        row("day", "2015-03-31T00:00:00.000Z", "bytes", 0, "avg", 0.0)),
                traffic("{ traffic(where: {deviceId: {eq: 20}, ts: {gte: \"2015-03-28T00:00:00Z\", lt:"
                        + " \"2015-04-01T00:00:00Z\"}}, includeEmpty: true) { day: ts(granularity: DAY) bytes"
                        + " avg: bytes(window: {fn: MOVING_AVERAGE, size: 2}) } }").stream()
                        .map(r -> row("day", r.get("day"), "bytes", r.get("bytes"), "avg",
                                ((Number) r.get("avg")).doubleValue())).toList());
        // in London the range's last instant (03-31 23:59:59 UTC) is 00:59 on April 1st, summer time: five days
        assertEquals(List.of("2015-03-28T00:00:00.000Z", "2015-03-29T00:00:00.000Z", "2015-03-30T00:00:00.000+01:00",
                        "2015-03-31T00:00:00.000+01:00", "2015-04-01T00:00:00.000+01:00"),
                traffic("{ traffic(where: {deviceId: {eq: 20}, ts: {gte: \"2015-03-28T00:00:00Z\", lt:"
                        + " \"2015-04-01T00:00:00Z\"}}, timezone: \"Europe/London\", includeEmpty: true) {"
                        + " day: ts(granularity: DAY) bytes } }").stream().map(r -> r.get("day")).toList());
        // without bounds the groups' first and last period bound it: device 10's days in Paris, March to October
        List<Map<String, Object>> days = traffic("{ traffic(where: {deviceId: {eq: 10}}, timezone: \"Europe/Paris\","
                + " includeEmpty: true) { day: ts(granularity: DAY) count } }");
        assertEquals(211, days.size(), "March 29 to October 25, both in");
        assertEquals(5, days.stream().mapToInt(r -> ((Number) r.get("count")).intValue()).sum());
    }

    @Test
    void includeEmptyGivesEveryHourOfTheDay() throws Exception {
        List<Map<String, Object>> hours = traffic("{ traffic(where: {deviceId: {eq: 20}}, timezone: \"PARTICIPANT\","
                + " includeEmpty: true) { hour: ts(part: HOUR_OF_DAY) bytes } }");
        assertEquals(24, hours.size());
        List<Integer> expected = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            expected.add(h);
        }
        assertEquals(expected, hours.stream().map(r -> r.get("hour")).toList());
        assertEquals(List.of(1100, 7700, 2200, 0), hours.subList(0, 4).stream().map(r -> r.get("bytes")).toList());
    }

    // ---- 5. subtotals ----------------------------------------------------------------------------------------

    @Test
    void subtotalsAndAGrandTotalAreMarkedApartFromNullGroups() throws Exception {
        // Olga: Iron 1, Swamp 1; a%b: one viewer whose browser is null: a group, not a subtotal
        assertRows(List.of(row("isp", "Olga", "b", "Iron", "count", 1, "totalOver", List.of()),
                        row("isp", "Olga", "b", "Swamp", "count", 1, "totalOver", List.of()),
                        row("isp", "Olga", "b", null, "count", 2, "totalOver", List.of("b")),
                        row("isp", "a%b", "b", null, "count", 1, "totalOver", List.of()),
                        row("isp", "a%b", "b", null, "count", 1, "totalOver", List.of("b")),
                        row("isp", null, "b", null, "count", 3, "totalOver", List.of("isp", "b"))),
                sessions("{ sessions(where: {isp: {in: [\"Olga\", \"a%b\"]}}, subtotals: true) {"
                        + " isp b: browser count totalOver } }"));
        // a window shares within each level: the groups among themselves, the subtotals, the grand total
        assertEquals(List.of(1.0 / 3, 1.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3, 1.0),
                sessions("{ sessions(where: {isp: {in: [\"Olga\", \"a%b\"]}}, subtotals: true) {"
                        + " isp browser share: count(window: {fn: SHARE}) totalOver } }").stream()
                        .map(r -> ((Number) r.get("share")).doubleValue()).toList());
        assertRows(List.of(row("stream", 1, "totalOver", List.of()), row("stream", 2, "totalOver", List.of())),
                sessions("{ sessions(where: {stream: {in: [1, 2]}}) { stream totalOver } }"));
    }

    @Test
    void subtotalsNeedTheirMarkAndNoTop() throws Exception {
        Map<String, Object> error = error("{ sessions(subtotals: true) { isp count } }", "INVALID_ARGUMENT");
        assertTrue(((String) error.get("message")).contains("totalOver"), () -> "error: " + error);
        error("{ sessions(subtotals: true, top: {n: 1, by: count}) { isp count totalOver } }", "INVALID_ARGUMENT");
    }

    // ---- 6. values that match nothing ------------------------------------------------------------------------

    @Test
    void aTextValueThatMatchesNoKnownValueGetsAWarningWithTheClosest() throws Exception {
        Map<String, Object> response = server.post("{ sessions(where: {isp: {eq: \"btp\"}}) { count } }");
        assertRows(List.of(row("count", 0)), SessionsApiTest.data(response));
        List<Map<String, Object>> warnings = warnings(response, "sessions");
        assertEquals(1, warnings.size(), () -> "warnings " + warnings);
        assertEquals("UNKNOWN_VALUE", warnings.get(0).get("code"));
        assertEquals("where.isp.eq", warnings.get(0).get("path"));
        assertEquals("btp", warnings.get(0).get("value"));
        assertEquals(List.of("BTP"), warnings.get(0).get("closest"));
        assertTrue(((String) warnings.get(0).get("message")).contains("did you mean 'BTP'"));

        // one value of a list; a pattern that matches no value; a metric's own where; none for a good pattern
        Map<String, Object> more = server.post("{ sessions(where: {browser: {in: [\"Iron\", \"Irn\"]},"
                + " isp: {startsWith: \"Free\"}}) { count orange: count(where: {isp: {eq: \"Arrange\"}}) } }");
        assertEquals(List.of(Arrays.asList("where.isp.startsWith", "Free", List.of("Fro")),
                        Arrays.asList("where.browser.in", "Irn", List.of("Iron")),
                        Arrays.asList("metrics.orange.where.isp.eq", "Arrange", List.of("Arange"))),
                warnings(more, "sessions").stream().map(w -> Arrays.asList(w.get("path"), w.get("value"),
                        w.get("closest"))).toList());
        assertEquals(List.of(), warnings(server.post("{ sessions(where: {isp: {like: \"Dat%\"}, browser: {neq:"
                + " \"Iron\"}}) { count } }"), "sessions"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theCatalogListsTheKnownValuesAndAReportArgumentIsCheckedToo() throws Exception {
        Map<String, Object> response = server.post("{ catalog { datasets { name dimensions { name categorical values"
                + " } } } }");
        Map<String, Object> catalog = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("catalog");
        Map<String, Object> sessions = ((List<Map<String, Object>>) catalog.get("datasets")).stream()
                .filter(d -> d.get("name").equals("sessions")).findFirst().orElseThrow();
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        ((List<Map<String, Object>>) sessions.get("dimensions")).forEach(d -> byName.put((String) d.get("name"), d));
        assertEquals(List.of("'; DROP TABLE sessions; --", "Arange", "BTP", "Datch Telecam", "Fro", "Olga", "a%b",
                "a_b%c"), byName.get("isp").get("values"));
        assertEquals(List.of("EarthWolf", "Iron", "Swamp", "Vectrice"), byName.get("browser").get("values"));
        assertEquals(true, byName.get("browser").get("categorical"));
        assertNull(byName.get("stream").get("values"));

        Map<String, Object> report = server.post("{ reports { userRanking(country: \"FR\") { userId } } }");
        assertEquals(List.of(), ((Map<String, Object>) ((Map<String, Object>) report.get("data")).get("reports"))
                .get("userRanking"));
        List<Map<String, Object>> warnings = warnings(report, "reports.userRanking");
        assertEquals(List.of(Arrays.asList("country", "FR", List.of("fr"))), warnings.stream()
                .map(w -> Arrays.asList(w.get("path"), w.get("value"), w.get("closest"))).toList());
    }

    // ---- 8 and 9. one name per thing, errors that teach ------------------------------------------------------

    @Test
    void theFormerNamesOfPerRowValuesStillAnswerAsTheNewOnes() throws Exception {
        // binBytes is a row's bytes: 110, 220, 440, 1100, 2200, 3300, 4400, 11, 22, 10, 100
        assertEquals(traffic("{ traffic(where: {binBytes: {gt: 100}}) { binBytes(bucketWidth: 1000) count"
                        + " binBytesMedian } }"),
                traffic("{ traffic(where: {bytes: {gt: 100}}) { binBytes: bytes(bucketWidth: 1000) count"
                        + " binBytesMedian: bytesMedian } }"));
        assertRows(List.of(row("bytes", 11913, "binBytesMax", 4400)), traffic("{ traffic { bytes binBytesMax } }"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theFormerNamesAreDeprecatedWithTheNewOnes() throws Exception {
        Map<String, Object> response = server.post("{ __type(name: \"TrafficRow\") { fields(includeDeprecated: true) {"
                + " name isDeprecated deprecationReason args(includeDeprecated: true) { name isDeprecated } } } }");
        List<Map<String, Object>> fields = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                response.get("data")).get("__type")).get("fields");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        fields.forEach(f -> byName.put((String) f.get("name"), f));
        assertEquals(true, byName.get("bytesMedian").get("isDeprecated"));
        assertTrue(((String) byName.get("bytesMedian").get("deprecationReason")).contains("binBytesMedian"));
        assertEquals(false, byName.get("bytes").get("isDeprecated"));
        List<Map<String, Object>> args = (List<Map<String, Object>>) byName.get("bytes").get("args");
        assertEquals(List.of(Arrays.asList("window", false), Arrays.asList("where", false),
                        Arrays.asList("bucketWidth", true), Arrays.asList("logBase", true)),
                args.stream().map(a -> Arrays.asList(a.get("name"), a.get("isDeprecated"))).toList());
    }

    @SuppressWarnings("unchecked")
    @Test
    void errorsCiteWhatTheUserWrote() throws Exception {
        Map<String, Object> plain = error("{ sessions(where: {connected: true}) { count } }", "INVALID_FILTER");
        assertEquals("where.connected: write {eq: true}, not true: a filter field takes operators, one of eq, neq, in,"
                + " nin, isNull", plain.get("message"));
        Map<String, Object> having = error("{ sessions(having: {count: {gt: 1}, selected: [{key: \"r\", gt: 1}]}) {"
                + " isp count r: count(window: {fn: RANK}) } }", "INVALID_FILTER");
        assertEquals("having.r", ((Map<String, Object>) having.get("extensions")).get("at"));
        assertTrue(((String) having.get("message")).startsWith("having.r: "), () -> "error: " + having);
    }
}
