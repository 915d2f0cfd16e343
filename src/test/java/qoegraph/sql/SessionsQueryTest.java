package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qoegraph.query.SelectedDimension.dimension;
import static qoegraph.query.SelectedMetric.metric;
import static qoegraph.sql.SelectCompilerTest.row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.testsupport.JsonNumbers;
import qoegraph.query.Filter;
import qoegraph.query.Operator;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * Results on the 20 hand-made viewers of {@link TestDb#withSessions()}, against figures computed by hand:
 *
 * <pre>
 *  #  stream isp            browser   conn  p2p     cdn     total
 *  1  1      BTP            Iron      t     100     100     200
 *  2  1      BTP            Iron      t     300     100     400
 *  3  1      BTP            EarthWolf t     0       200     200
 *  4  1      Fro            Iron      f     0       500     500
 *  5  1      Fro            EarthWolf t     50      150     200
 *  6  2      Fro            Swamp     t     1000    0       1000
 *  7  2      Arange         Vectrice  f     0       1000    1000
 *  8  2      Arange         Iron      t     10      990     1000
 *  9  2      Datch Telecam  Iron      f     0       2000    2000
 * 10  2      Datch Telecam  EarthWolf t     500     1500    2000
 * 11  3      Olga           Iron      t     1       9       10
 * 12  3      Olga           Swamp     t     20      80      100
 * 13  3      BTP            Vectrice  f     0       10000   10000
 * 14  3      BTP            EarthWolf t     9000    1000    10000
 * 15  3      Fro            Iron      t     0       100     100
 * 16  3      Arange         EarthWolf t     250     750     1000
 * 17  9      BTP            EarthWolf t     6100.5  null    null
 * 18  1      '; DROP ...    Iron      t     1       1       2
 * 19  2      a_b%c          Iron      t     2       2       4
 * 20  3      a%b            null      f     0       3       3
 * </pre>
 */
class SessionsQueryTest {
    private static TestDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new TestDb().withSessions();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static long count(Filter where) throws Exception {
        return (Long) db.run(Query.newQuery("sessions").metrics("count").where(where).build()).rows().get(0).get("count");
    }

    private static Filter compare(String field, Operator op, Object value) {
        return Filter.compare(field, op, value);
    }

    @Test
    void onlyMetricsGiveOneRowOfTotals() throws Exception {
        assertRows(List.of(row("count", 20L, "connectedCount", 15L, "connectedShare", 0.75, "p2pViewerCount", 13L,
                "p2pBytes", 17334.5, "cdnBytes", 18485.0)),
                db.run(Query.newQuery("sessions").metrics("count", "connectedCount", "connectedShare", "p2pViewerCount",
                        "p2pBytes", "cdnBytes").build()).rows());
    }

    @Test
    void onlyDimensionsGiveTheDistinctCombinations() throws Exception {
        assertEquals(List.of(row("stream", 1), row("stream", 2), row("stream", 3), row("stream", 9)),
                db.run(Query.newQuery("sessions").dimensions("stream").build()).rows());
    }

    @Test
    void groupsByAnyDimensionAndComputesMeansOfTheNotConnected() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("connected")
                .metrics("count", "avgTotalBytes", "meanP2pFraction").build();
        assertEquals(List.of(
                row("connected", false, "count", 5L, "avgTotalBytes", 2700.6, "meanP2pFraction", 0.0),
                row("connected", true, "count", 15L, "avgTotalBytes", 16216.0 / 14, "meanP2pFraction", meanFractionConnected())),
                db.run(query).rows());
    }

    /** The 15 connected rows' p2p / (p2p + cdn); row 17 has no cdn and is left out. */
    private static double meanFractionConnected() {
        double[][] rows = {{100, 100}, {300, 100}, {0, 200}, {50, 150}, {1000, 0}, {10, 990}, {500, 1500}, {1, 9},
            {20, 80}, {9000, 1000}, {0, 100}, {250, 750}, {1, 1}, {2, 2}};
        double sum = 0;
        for (double[] r : rows) {
            sum += r[0] / (r[0] + r[1]);
        }
        return sum / rows.length;
    }

    @Test
    void everyOperatorOnItsType() throws Exception {
        assertEquals(6, count(Filter.eq("isp", "BTP")));
        assertEquals(14, count(compare("isp", Operator.NEQ, "BTP")));
        assertEquals(6, count(compare("isp", Operator.IN, List.of("Olga", "Fro"))));
        assertEquals(10, count(compare("isp", Operator.NIN, List.of("BTP", "Fro"))));
        assertEquals(0, count(compare("isp", Operator.IN, List.of())));
        assertEquals(6, count(compare("p2p", Operator.GT, 100)));
        assertEquals(7, count(compare("p2p", Operator.GTE, 100)));
        assertEquals(6, count(compare("cdn", Operator.LT, 100)));
        assertEquals(9, count(compare("cdn", Operator.LTE, 100.0)));
        assertEquals(11, count(compare("total", Operator.BETWEEN, List.of(100, 1000))));
        assertEquals(1, count(compare("browser", Operator.IS_NULL, true)));
        assertEquals(19, count(compare("browser", Operator.IS_NULL, false)));
        assertEquals(6, count(compare("isp", Operator.LIKE, "B%")));
        assertEquals(2, count(compare("isp", Operator.ILIKE, "datch%")));
        assertEquals(2, count(compare("isp", Operator.ENDS_WITH, "Telecam")));
        assertEquals(7, count(compare("stream", Operator.IN, List.of(1, 9))));
        assertEquals(5, count(Filter.eq("connected", false)));
        assertEquals(1, count(Filter.eq("stream", 9)));
    }

    @Test
    void likeWildcardsInContainsStartsWithAndEndsWithAreLiteral() throws Exception {
        assertEquals(1, count(compare("isp", Operator.CONTAINS, "_")));
        assertEquals(2, count(compare("isp", Operator.CONTAINS, "%")));
        assertEquals(1, count(compare("isp", Operator.STARTS_WITH, "a%")));
        assertEquals(1, count(compare("isp", Operator.ENDS_WITH, "%c")));
        assertEquals(1, count(compare("isp", Operator.CONTAINS, "DROP TABLE")));
    }

    @Test
    void nestedAndOrNot() throws Exception {
        Filter btpOffline = Filter.and(Filter.eq("isp", "BTP"), Filter.eq("connected", false));
        Filter rareBrowser = Filter.not(compare("browser", Operator.IN, List.of("Iron", "EarthWolf")));
        assertEquals(4, count(Filter.or(btpOffline, rareBrowser)));
        assertEquals(1, count(Filter.and(Filter.or(btpOffline, rareBrowser), Filter.eq("stream", 3),
                Filter.not(compare("isp", Operator.IN, List.of("Olga"))))));
        assertEquals(20, count(new Filter.And(List.of())));
        assertEquals(0, count(new Filter.Or(List.of())));
    }

    @Test
    void havingFiltersGroupsOnSelectedAndUnselectedMetrics() throws Exception {
        Query selected = Query.newQuery("sessions").dimensions("isp").metrics("count")
                .having(compare("count", Operator.GTE, 3)).build();
        assertEquals(List.of(row("isp", "Arange", "count", 3L), row("isp", "BTP", "count", 6L), row("isp", "Fro", "count", 4L)),
                db.run(selected).rows());
        Query unselected = Query.newQuery("sessions").dimensions("isp").metrics("count")
                .having(compare("p2pBytes", Operator.GT, 1000)).build();
        assertEquals(List.of(row("isp", "BTP", "count", 6L), row("isp", "Fro", "count", 4L)), db.run(unselected).rows());
    }

    @Test
    void orderLimitOffsetAndTruncation() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("isp").metrics("count")
                .orderBy(OrderBy.desc("count"), OrderBy.asc("isp")).build();
        List<String> all = List.of("BTP", "Fro", "Arange", "Datch Telecam", "Olga", "'; DROP TABLE sessions; --", "a%b", "a_b%c");
        assertEquals(all, isps(db.run(query)));
        QueryResult first = db.run(query.transform(b -> b.limit(3)));
        assertEquals(all.subList(0, 3), isps(first));
        assertTrue(first.truncated());
        QueryResult last = db.run(query.transform(b -> b.limit(3).offset(6)));
        assertEquals(all.subList(6, 8), isps(last));
        assertFalse(last.truncated());
        QueryResult exact = db.run(query.transform(b -> b.limit(8)));
        assertEquals(all, isps(exact));
        assertFalse(exact.truncated());
    }

    private static List<Object> isps(QueryResult result) {
        return result.rows().stream().map(r -> r.get("isp")).toList();
    }

    @Test
    void aliasesKeepTheirKeysAndOrderByAnAlias() throws Exception {
        Query query = Query.newQuery("sessions").dimension(dimension("isp").as("provider"))
                .metric(metric("count").as("viewers")).metric(metric("p2pBytes").as("peerBytes"))
                .where(compare("isp", Operator.IN, List.of("Olga", "Datch Telecam")))
                .orderBy(OrderBy.asc("peerBytes")).build();
        assertRows(List.of(row("provider", "Olga", "viewers", 2L, "peerBytes", 21.0),
                row("provider", "Datch Telecam", "viewers", 2L, "peerBytes", 500.0)), db.run(query).rows());
    }

    @Test
    void widthBucketsAreLowerBoundsInTheDimensionsType() throws Exception {
        assertEquals(Map.of(0.0, 17L, 1000.0, 1L, 6000.0, 1L, 9000.0, 1L),
                histogram(Query.newQuery("sessions").dimension(dimension("p2p").bucketWidth(1000)).metrics("count").build(), "p2p"));
        assertEquals(Map.of(0, 6L, 2, 13L, 8, 1L),
                histogram(Query.newQuery("sessions").dimension(dimension("stream").bucketWidth(2)).metrics("count").build(), "stream"));
    }

    @Test
    void logBucketsArePowersAtOrBelowWithZeroForZero() throws Exception {
        Map<Object, Object> total = new LinkedHashMap<>();
        total.put(1.0, 3L);
        total.put(10.0, 1L);
        total.put(100.0, 7L);
        total.put(1000.0, 6L);
        total.put(10000.0, 2L);
        total.put(null, 1L);
        assertEquals(total, histogram(Query.newQuery("sessions").dimension(dimension("total").logBase(10))
                .metrics("count").build(), "total"));
        assertEquals(Map.of(0.0, 7L, 1.0, 3L, 10.0, 3L, 100.0, 4L, 1000.0, 3L),
                histogram(Query.newQuery("sessions").dimension(dimension("p2p").logBase(10)).metrics("count").build(), "p2p"));
    }

    @Test
    void aTwoDimensionalHistogram() throws Exception {
        Query query = Query.newQuery("sessions").dimension(dimension("p2p").bucketWidth(5000))
                .dimension(dimension("cdn").bucketWidth(5000)).metrics("count").build();
        assertEquals(List.of(row("p2p", 0.0, "cdn", 0.0, "count", 17L), row("p2p", 0.0, "cdn", 10000.0, "count", 1L),
                row("p2p", 5000.0, "cdn", 0.0, "count", 1L), row("p2p", 5000.0, "cdn", null, "count", 1L)),
                db.run(query).rows());
    }

    private static Map<Object, Object> histogram(Query query, String key) throws Exception {
        Map<Object, Object> out = new LinkedHashMap<>();
        db.run(query).rows().forEach(r -> out.put(r.get(key), r.get("count")));
        return out;
    }

    @Test
    void medianAndAnyQuantileAreContinuous() throws Exception {
        Query query = Query.newQuery("sessions").metrics("totalMedian").metric(metric("totalQuantile").q(0.1).as("p10"))
                .metric(metric("totalQuantile").q(0.95).as("p95")).metrics("totalMin", "totalMax").build();
        assertRows(List.of(row("totalMedian", 400.0, "p10", 3.8, "p95", 10000.0, "totalMin", 2.0, "totalMax", 10000.0)),
                db.run(query).rows().stream().map(SessionsQueryTest::rounded).toList());
        Query byConnected = Query.newQuery("sessions").dimensions("connected").metrics("totalMedian").build();
        assertEquals(List.of(row("connected", false, "totalMedian", 1000.0), row("connected", true, "totalMedian", 200.0)),
                db.run(byConnected).rows());
    }

    /** Rows compared by value: a DECIMAL sum comes back exact (17334.500000), the test writes 17334.5. */
    private static void assertRows(List<?> expected, List<?> actual) {
        assertEquals(JsonNumbers.canonical(expected), JsonNumbers.canonical(actual));
    }

    private static Map<String, Object> rounded(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Double ? Math.round((Double) v * 1e9) / 1e9 : v));
        return out;
    }

    @Test
    void ranksTiesAndRowNumbers() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("isp").metrics("count")
                .metric(metric("count").as("rank").window(Window.of(WindowFunction.RANK)))
                .metric(metric("count").as("dense").window(Window.of(WindowFunction.DENSE_RANK)))
                .metric(metric("count").as("n").window(Window.of(WindowFunction.ROW_NUMBER)))
                .orderBy(OrderBy.asc("n")).build();
        List<List<Object>> expected = List.of(
                List.of("BTP", 6L, 1L, 1L, 1L), List.of("Fro", 4L, 2L, 2L, 2L), List.of("Arange", 3L, 3L, 3L, 3L),
                List.of("Datch Telecam", 2L, 4L, 4L, 4L), List.of("Olga", 2L, 4L, 4L, 5L),
                List.of("'; DROP TABLE sessions; --", 1L, 6L, 5L, 6L), List.of("a%b", 1L, 6L, 5L, 7L),
                List.of("a_b%c", 1L, 6L, 5L, 8L));
        assertEquals(expected, db.run(query).rows().stream().map(r -> List.copyOf(r.values())).toList());
    }

    @Test
    void sharesAndCumulativeSharesWithinAPartition() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("connected", "stream").metrics("count")
                .metric(metric("count").as("share").window(Window.of(WindowFunction.SHARE, "connected")))
                .metric(metric("count").as("running").window(Window.of(WindowFunction.CUMULATIVE_SHARE, "connected")))
                .metric(metric("count").as("sum").window(Window.of(WindowFunction.CUMULATIVE_SUM, "connected")))
                .where(Filter.eq("connected", false)).build();
        assertEquals(List.of(
                row("connected", false, "stream", 1, "count", 1L, "share", 0.2, "running", 0.2, "sum", 1L),
                row("connected", false, "stream", 2, "count", 2L, "share", 0.4, "running", 0.6, "sum", 3L),
                row("connected", false, "stream", 3, "count", 2L, "share", 0.4, "running", 1.0, "sum", 5L)),
                db.run(query).rows());
    }

    @Test
    void theIspMixInsideOneStream() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("isp").metric(metric("count").as("viewers"))
                .metric(metric("count").as("share").window(Window.of(WindowFunction.SHARE)))
                .where(Filter.eq("stream", 2)).orderBy(OrderBy.desc("viewers")).build();
        assertEquals(List.of(
                row("isp", "Arange", "viewers", 2L, "share", 2.0 / 6), row("isp", "Datch Telecam", "viewers", 2L, "share", 2.0 / 6),
                row("isp", "Fro", "viewers", 1L, "share", 1.0 / 6), row("isp", "a_b%c", "viewers", 1L, "share", 1.0 / 6)),
                db.run(query).rows());
    }
}
