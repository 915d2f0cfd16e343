package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.testsupport.JsonNumbers;

/** The sessions root field over HTTP, against figures computed by hand on the 20 viewers of {@link Fixtures}. */
class SessionsApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static long count(String where) throws Exception {
        List<Map<String, Object>> rows = server.rows("{ sessions(where: " + where + ") { count } }", "sessions");
        return ((Number) rows.get(0).get("count")).longValue();
    }

    @Test
    void theSpecExampleGroupsFiltersAndOrders() throws Exception {
        List<Map<String, Object>> rows = server.rows("""
                { sessions(where: {connected: {eq: true}, isp: {in: ["BTP", "Fro"]}},
                           orderBy: [{p2pShare: DESC}], limit: 10) {
                    isp browser count totalBytes p2pShare } }""", "sessions");
        assertRows(List.of(
                row("isp", "Fro", "browser", "Swamp", "count", 1, "totalBytes", 1000.0, "p2pShare", 1.0),
                row("isp", "BTP", "browser", "EarthWolf", "count", 3, "totalBytes", 16300.5, "p2pShare", 15100.5 / 16300.5),
                row("isp", "BTP", "browser", "Iron", "count", 2, "totalBytes", 600.0, "p2pShare", 400.0 / 600),
                row("isp", "Fro", "browser", "EarthWolf", "count", 1, "totalBytes", 200.0, "p2pShare", 0.25),
                row("isp", "Fro", "browser", "Iron", "count", 1, "totalBytes", 100.0, "p2pShare", 0.0)), rows);
    }

    @Test
    void theShareOfViewersWithoutP2pIsOneQuery() throws Exception {
        // rows 3, 4, 7, 9, 13, 15 and 20 have p2p = 0; stream 1 is rows 1-5 and 18
        assertRows(List.of(row("count", 20, "noP2pViewerCount", 7, "p2pViewerCount", 13, "p2pViewerShare", 0.65)),
                server.rows("{ sessions { count noP2pViewerCount p2pViewerCount p2pViewerShare } }", "sessions"));
        assertRows(List.of(row("stream", 1, "noP2pViewerCount", 2, "p2pViewerShare", 4.0 / 6),
                        row("stream", 9, "noP2pViewerCount", 0, "p2pViewerShare", 1.0)),
                server.rows("{ sessions(where: {stream: {in: [1, 9]}}, orderBy: [{stream: ASC}]) {"
                        + " stream noP2pViewerCount p2pViewerShare } }", "sessions"));
    }

    @Test
    void onlyMetricsGiveOneRowOfTotalsAndOnlyDimensionsTheDistinctCombinations() throws Exception {
        assertRows(List.of(row("count", 20, "connectedCount", 15, "connectedShare", 0.75, "p2pViewerCount", 13,
                        "p2pBytes", 17334.5, "cdnBytes", 18485.0)),
                server.rows("{ sessions { count connectedCount connectedShare p2pViewerCount p2pBytes cdnBytes } }", "sessions"));
        assertRows(List.of(row("stream", 1), row("stream", 2), row("stream", 3), row("stream", 9)),
                server.rows("{ sessions { stream } }", "sessions"));
    }

    @Test
    void everyOperatorOnItsType() throws Exception {
        assertEquals(6, count("{isp: {eq: \"BTP\"}}"));
        assertEquals(14, count("{isp: {neq: \"BTP\"}}"));
        assertEquals(6, count("{isp: {in: [\"Olga\", \"Fro\"]}}"));
        assertEquals(10, count("{isp: {nin: [\"BTP\", \"Fro\"]}}"));
        assertEquals(6, count("{p2p: {gt: 100}}"));
        assertEquals(7, count("{p2p: {gte: 100}}"));
        assertEquals(6, count("{cdn: {lt: 100}}"));
        assertEquals(9, count("{cdn: {lte: 100.0}}"));
        assertEquals(11, count("{total: {between: [100, 1000]}}"));
        assertEquals(1, count("{browser: {isNull: true}}"));
        assertEquals(19, count("{browser: {isNull: false}}"));
        assertEquals(6, count("{isp: {like: \"B%\"}}"));
        assertEquals(2, count("{isp: {ilike: \"datch%\"}}"));
        assertEquals(2, count("{isp: {endsWith: \"Telecam\"}}"));
        assertEquals(1, count("{isp: {startsWith: \"a%\"}}"));
        assertEquals(1, count("{isp: {contains: \"_\"}}"));
        assertEquals(7, count("{stream: {in: [1, 9]}}"));
        assertEquals(5, count("{connected: {eq: false}}"));
        assertEquals(3, count("{p2p: {gt: 100, lt: 1000}}"));
    }

    @Test
    void andOrNotNest() throws Exception {
        String btpOffline = "{isp: {eq: \"BTP\"}, connected: {eq: false}}";
        String rareBrowser = "{not: {browser: {in: [\"Iron\", \"EarthWolf\"]}}}";
        assertEquals(4, count("{or: [" + btpOffline + ", " + rareBrowser + "]}"));
        assertEquals(1, count("{and: [{or: [" + btpOffline + ", " + rareBrowser + "]}, {stream: {eq: 3}}],"
                + " not: {isp: {in: [\"Olga\"]}}}"));
        assertEquals(20, count("{and: []}"));
        assertEquals(0, count("{or: []}"));
    }

    @Test
    void aSqlLookingStringIsJustAValue() throws Exception {
        assertEquals(1, count("{isp: {eq: \"'; DROP TABLE sessions; --\"}}"));
        assertEquals(0, count("{isp: {eq: \"x' OR '1'='1\"}}"));
        assertEquals(20, count("{}"));
    }

    @Test
    void havingOnNamedMetricsSelectedOrNotAndOnASelectedKey() throws Exception {
        assertRows(List.of(row("isp", "Arange", "count", 3), row("isp", "BTP", "count", 6), row("isp", "Fro", "count", 4)),
                server.rows("{ sessions(having: {count: {gte: 3}}) { isp count } }", "sessions"));
        assertRows(List.of(row("isp", "BTP", "count", 6), row("isp", "Fro", "count", 4)),
                server.rows("{ sessions(having: {p2pBytes: {gt: 1000}}) { isp count } }", "sessions"));
        assertRows(List.of(row("connected", false, "p50", 1000.0)),
                server.rows("{ sessions(having: {selected: [{key: \"p50\", gt: 500}]}) {"
                        + " connected p50: totalQuantile(q: 0.5) } }", "sessions"));
    }

    @Test
    void orderByNamesAliasesLimitAndOffset() throws Exception {
        String query = "{ sessions(orderBy: [{count: DESC}, {field: \"provider\", direction: ASC}], limit: 3, offset: 1) {"
                + " provider: isp count } }";
        assertRows(List.of(row("provider", "Fro", "count", 4), row("provider", "Arange", "count", 3),
                row("provider", "Datch Telecam", "count", 2)), server.rows(query, "sessions"));
        String byAlias = "{ sessions(where: {isp: {in: [\"Olga\", \"Datch Telecam\"]}}, orderBy: [{field: \"peer\"}]) {"
                + " isp viewers: count peer: p2pBytes } }";
        assertRows(List.of(row("isp", "Olga", "viewers", 2, "peer", 21.0), row("isp", "Datch Telecam", "viewers", 2, "peer", 500.0)),
                server.rows(byAlias, "sessions"));
    }

    @Test
    void aliasesFragmentsAndDirectivesShapeTheSelection() throws Exception {
        String query = """
                query($withBrowser: Boolean!) {
                  sessions(where: {stream: {eq: 2}}) {
                    provider: isp
                    ...Sizes
                    browser @include(if: $withBrowser)
                    connected @skip(if: true)
                    __typename
                  }
                }
                fragment Sizes on SessionsRow { n: count bytes: totalBytes }""";
        String row = "SessionsRow";
        assertRows(List.of(row("provider", "Arange", "n", 2, "bytes", 2000.0, "__typename", row),
                        row("provider", "Datch Telecam", "n", 2, "bytes", 4000.0, "__typename", row),
                        row("provider", "Fro", "n", 1, "bytes", 1000.0, "__typename", row),
                        row("provider", "a_b%c", "n", 1, "bytes", 4.0, "__typename", row)),
                data(server.post(query, Map.of("withBrowser", false))));
        assertEquals(6, data(server.post(query, Map.of("withBrowser", true))).size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> response) {
        assertEquals(null, response.get("errors"));
        return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get("sessions");
    }

    @Test
    void bucketsAreLowerBounds() throws Exception {
        assertRows(List.of(row("p2p", 0.0, "count", 17), row("p2p", 1000.0, "count", 1), row("p2p", 6000.0, "count", 1),
                        row("p2p", 9000.0, "count", 1)),
                server.rows("{ sessions { p2p(bucketWidth: 1000) count } }", "sessions"));
        assertRows(List.of(row("stream", 0, "count", 6), row("stream", 2, "count", 13), row("stream", 8, "count", 1)),
                server.rows("{ sessions { stream(bucketWidth: 2) count } }", "sessions"));
        assertRows(List.of(row("p2p", 0.0, "count", 7), row("p2p", 1.0, "count", 3), row("p2p", 10.0, "count", 3),
                        row("p2p", 100.0, "count", 4), row("p2p", 1000.0, "count", 3)),
                server.rows("{ sessions { p2p(logBase: 10) count } }", "sessions"));
    }

    @Test
    void quantilesTakeQAndMediansDoNot() throws Exception {
        assertRows(List.of(row("connected", false, "totalMedian", 1000.0, "p95", 8400.0),
                        row("connected", true, "totalMedian", 200.0, "p95", 2000 + 0.35 * 8000)),
                server.rows("{ sessions { connected totalMedian p95: totalQuantile(q: 0.95) } }", "sessions").stream()
                        .map(SessionsApiTest::rounded).toList());
    }

    /** Rows compared by value: the JSON answer writes a whole Float as 1000, the test may write 1000.0. */
    private static void assertRows(List<?> expected, List<?> actual) {
        assertEquals(JsonNumbers.canonical(expected), JsonNumbers.canonical(actual));
    }

    private static Map<String, Object> rounded(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Double d ? Math.round(d * 1e6) / 1e6 : v));
        return out;
    }

    @Test
    void windowsRankAndShareTheResultGroups() throws Exception {
        String query = "{ sessions(where: {stream: {eq: 2}}, orderBy: [{field: \"viewers\", direction: DESC}, {isp: ASC}]) {"
                + " isp viewers: count share: count(window: {fn: SHARE}) rank: count(window: {fn: RANK}) } }";
        assertRows(List.of(row("isp", "Arange", "viewers", 2, "share", 2.0 / 6, "rank", 1),
                        row("isp", "Datch Telecam", "viewers", 2, "share", 2.0 / 6, "rank", 1),
                        row("isp", "Fro", "viewers", 1, "share", 1.0 / 6, "rank", 3),
                        row("isp", "a_b%c", "viewers", 1, "share", 1.0 / 6, "rank", 3)),
                server.rows(query, "sessions"));
        String partitioned = "{ sessions(where: {connected: {eq: false}}) { connected stream count"
                + " running: count(window: {fn: CUMULATIVE_SHARE, partitionBy: [connected]})"
                + " sum: count(window: {fn: CUMULATIVE_SUM, partitionBy: [connected]}) } }";
        assertRows(List.of(row("connected", false, "stream", 1, "count", 1, "running", 0.2, "sum", 1),
                        row("connected", false, "stream", 2, "count", 2, "running", 0.6, "sum", 3),
                        row("connected", false, "stream", 3, "count", 2, "running", 1, "sum", 5)),
                server.rows(partitioned, "sessions"));
    }

    @Test
    void variablesCarryFiltersAsJson() throws Exception {
        String query = "query($where: SessionsWhere, $order: [SessionsOrderBy!]) {"
                + " sessions(where: $where, orderBy: $order) { isp count } }";
        Map<String, Object> variables = Map.of("where", Map.of("isp", Map.of("in", List.of("BTP", "Olga")),
                "total", Map.of("gte", 100)), "order", List.of(Map.of("count", "DESC")));
        assertRows(List.of(row("isp", "BTP", "count", 5), row("isp", "Olga", "count", 1)), data(server.post(query, variables)));
    }
}
