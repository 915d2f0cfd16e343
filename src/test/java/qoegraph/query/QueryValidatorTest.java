package qoegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static qoegraph.query.SelectedDimension.dimension;
import static qoegraph.query.SelectedMetric.metric;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;

class QueryValidatorTest {
    private static final Model MODEL = ModelLoader.load(Path.of("queries/model"));
    private final QueryValidator validator = new QueryValidator(MODEL);

    private static Query.Builder sessions() {
        return Query.newQuery("sessions");
    }

    private List<QueryError> errors(Query.Builder query) {
        return validator.validate(query.build());
    }

    private static QueryError error(ErrorCode code, String path, String message) {
        return new QueryError(code, path, message);
    }

    @Test
    void aGoodQueryHasNoErrors() {
        assertEquals(List.of(), errors(sessions().dimensions("isp", "browser").metrics("count", "p2pShare")
                .metric(metric("count").as("rank").window(Window.of(WindowFunction.RANK, "isp")))
                .metric(metric("totalQuantile").q(0.95))
                .where(Filter.and(Filter.eq("connected", true), Filter.compare("isp", Operator.IN, List.of("BTP")),
                        Filter.not(Filter.compare("browser", Operator.STARTS_WITH, "Vec"))))
                .having(Filter.compare("count", Operator.GT, 10)).orderBy(OrderBy.desc("p2pShare"))
                .top(new Top(3, "totalBytes", List.of("isp"), true)).limit(100_000).timezone("Europe/Paris")));
        assertEquals(List.of(), errors(Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.HOUR))
                .dimension(dimension("bytesIn").logBase(10).as("bytesInBucket")).metrics("bytesIn").timezone(Query.PARTICIPANT)
                .where(Filter.compare("ts", Operator.IN_RANGE, List.of(OffsetDateTime.parse("2015-03-29T00:00+01:00"),
                        "2015-03-30T00:00:00")))));
    }

    @Test
    void theFollowUpArgumentsAreCheckedWithWhereTheyAre() {
        assertEquals(List.of(), errors(sessions().dimensions("isp")
                .metric(metric("count").as("big").where(Filter.compare("total", Operator.GT, 1e8)))
                .metric(SelectedMetric.share("s", "totalBytes", Filter.eq("connected", false)))
                .metric(metric("count").as("r").window(Window.of(WindowFunction.RANK).ascending()))
                .top(new Top(2, "big", List.of(), false, OrderBy.Direction.ASC)).includeEmpty(true)));
        assertEquals(List.of(
                        error(ErrorCode.INVALID_ARGUMENT, "metrics.s.of", "share takes the part of a count or a sum;"
                                + " p2pShare is a ratio, whose parts do not add up"),
                        error(ErrorCode.INVALID_ARGUMENT, "metrics.t.where", "share needs where: the rows whose part of"
                                + " count it gives"),
                        error(ErrorCode.INVALID_WINDOW, "metrics.w.window.direction", "direction is for the ranking"
                                + " functions (RANK, DENSE_RANK, ROW_NUMBER); SHARE does not rank"),
                        error(ErrorCode.INVALID_FILTER, "metrics.n.where.count", "'count' is a metric: filter groups on"
                                + " it in having")),
                errors(sessions().dimensions("isp")
                        .metric(SelectedMetric.share("s", "p2pShare", Filter.eq("connected", false)))
                        .metric(SelectedMetric.share("t", "count", null))
                        .metric(metric("count").as("w").window(Window.of(WindowFunction.SHARE).ascending()))
                        .metric(metric("count").as("n").where(Filter.compare("count", Operator.GT, 1)))));
    }

    @Test
    void includeEmptyAndSubtotalsTakeADimensionAndDoNotMixWithWhatTheyCannotAnswer() {
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "includeEmpty", "includeEmpty adds the groups without"
                        + " rows: select a dimension to group by")),
                errors(sessions().metrics("count").includeEmpty(true)));
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "includeEmpty", "includeEmpty does not combine with"
                        + " top.other (an \"Other\" row of empty groups has no rows to add up); leave one of them out")),
                errors(sessions().dimensions("isp").metrics("count").includeEmpty(true)
                        .top(new Top(1, "count", List.of(), true))));
        assertEquals(List.of(
                        error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotal rows read null in the dimensions they"
                                + " add up: select totalOver too, to tell them from groups whose dimension is null"),
                        error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotals do not combine with top (a subtotal"
                                + " would add up groups that top drops); leave one of them out")),
                errors(sessions().dimensions("isp").metrics("count").subtotals(true)
                        .top(new Top(1, "count", List.of(), false))));
        Query.Builder years = Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.MINUTE))
                .metrics("count").includeEmpty(true).where(Filter.compare("ts", Operator.IN_RANGE,
                        List.of("1970-01-01T00:00:00Z", "2015-01-01T00:00:00Z")));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, errors(years).get(0).code());
        assertEquals("dimensions.ts", errors(years).get(0).path());
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "dimensions.ts", "includeEmpty adds the empty periods of"
                        + " a granularity, and ts without one has a group per instant; group by ts(granularity: HOUR)"
                        + " (or DAY, ...) or ts(part: HOUR_OF_DAY)")),
                errors(Query.newQuery("traffic").dimension(dimension("ts")).metrics("count").includeEmpty(true)));
        Query.Builder participantDays = Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.DAY))
                .metrics("count").includeEmpty(true).timezone(Query.PARTICIPANT);
        assertEquals(List.of("dimensions.ts"), errors(participantDays).stream().map(e -> e.path()).toList());
        assertEquals(List.of(), errors(Query.newQuery("traffic").dimension(dimension("ts").part(DatePart.HOUR_OF_DAY))
                .metrics("count").includeEmpty(true).timezone(Query.PARTICIPANT)), "a date part's cycle is filled");
    }

    @Test
    void anInListHoldsAtMostTheMaximumNumberOfValues() {
        List<String> most = java.util.stream.IntStream.range(0, FilterChecker.MAX_LIST_VALUES).mapToObj(i -> "isp" + i)
                .toList();
        assertEquals(List.of(), errors(sessions().metrics("count").where(Filter.compare("isp", Operator.IN, most))));
        List<String> over = new java.util.ArrayList<>(most);
        over.add("one more");
        assertEquals(List.of(error(ErrorCode.LIMIT_EXCEEDED, "where.isp.nin", "nin has 1001 values > 1000, the most one"
                        + " list may hold; group the values into a dimension, or split the query")),
                errors(sessions().metrics("count").where(Filter.compare("isp", Operator.NIN, over))));
    }

    @Test
    void unknownNamesSayWhatWasMeant() {
        assertEquals(List.of(error(ErrorCode.UNKNOWN_FIELD, "dataset", "unknown dataset 'sesions' (did you mean 'sessions'?)")),
                validator.validate(Query.newQuery("sesions").metrics("count").build()));
        assertEquals(List.of(
                error(ErrorCode.UNKNOWN_FIELD, "dimensions.ips", "unknown dimension 'ips' in sessions (did you mean 'isp'?)"),
                error(ErrorCode.UNKNOWN_FIELD, "dimensions.count", "unknown dimension 'count' in sessions ('count' is a metric)"),
                error(ErrorCode.UNKNOWN_FIELD, "metrics.p2pShar", "unknown metric 'p2pShar' in sessions (did you mean 'p2pShare'?)"),
                error(ErrorCode.UNKNOWN_FIELD, "where.brwser", "unknown dimension 'brwser' in sessions (did you mean 'browser'?)"),
                error(ErrorCode.UNKNOWN_FIELD, "orderBy[0]", "cannot order by 'p2pshare': it is not a selected field "
                        + "(did you mean 'p2pShar'?); selected: [ips, count, p2pShar]")),
                errors(sessions().dimensions("ips", "count").metrics("p2pShar").where(Filter.eq("brwser", "Iron"))
                        .orderBy(OrderBy.desc("p2pshare"))));
    }

    @Test
    void operatorsMustFitTheFieldsType() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_FILTER, "where.and[0].connected.like",
                        "'like' does not apply to connected (Boolean); use one of eq, neq, in, nin, isNull"),
                error(ErrorCode.INVALID_FILTER, "where.and[1].p2p.contains", "'contains' does not apply to p2p (Float); "
                        + "use one of eq, neq, in, nin, gt, gte, lt, lte, between, isNull"),
                error(ErrorCode.INVALID_FILTER, "where.and[2].or[1].not.stream.inRange", "'inRange' does not apply to stream "
                        + "(Int); use one of eq, neq, in, nin, gt, gte, lt, lte, between, isNull")),
                errors(sessions().metrics("count").where(Filter.and(Filter.compare("connected", Operator.LIKE, "t%"),
                        Filter.compare("p2p", Operator.CONTAINS, "1"),
                        Filter.or(Filter.eq("isp", "BTP"), Filter.not(Filter.compare("stream", Operator.IN_RANGE, List.of(1, 2))))))));
    }

    @Test
    void valuesMustHaveTheRightShapeAndType() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_FILTER, "where.and[0].isp.eq", "eq on String needs a String value, got 5"),
                error(ErrorCode.INVALID_FILTER, "where.and[1].isp.in", "in takes a list, got 'BTP'"),
                error(ErrorCode.INVALID_FILTER, "where.and[2].p2p.between", "between takes two values [low, high], got 3"),
                error(ErrorCode.INVALID_FILTER, "where.and[3].browser.isNull", "isNull takes true or false, got 'yes'"),
                error(ErrorCode.INVALID_FILTER, "where.and[4].isp.eq", "eq needs a value; use isNull to find missing values"),
                error(ErrorCode.INVALID_FILTER, "where.and[5].stream.in", "in needs Int values, got 'one'"),
                error(ErrorCode.INVALID_FILTER, "where.and[6].count", "'count' is a metric: filter groups on it in having")),
                errors(sessions().metrics("count").where(Filter.and(Filter.eq("isp", 5),
                        Filter.compare("isp", Operator.IN, "BTP"), Filter.compare("p2p", Operator.BETWEEN, List.of(1, 2, 3)),
                        Filter.compare("browser", Operator.IS_NULL, "yes"), Filter.eq("isp", null),
                        Filter.compare("stream", Operator.IN, List.of(1, "one")), Filter.compare("count", Operator.GT, 1)))));
        assertEquals(List.of(error(ErrorCode.INVALID_FILTER, "where.ts.gt", "gt on DateTime needs a DateTime value, got 'yesterday'")),
                validator.validate(Query.newQuery("traffic").metrics("count")
                        .where(Filter.compare("ts", Operator.GT, "yesterday")).build()));
    }

    @Test
    void havingIsOnGroupedMetrics() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_FILTER, "having.or[0].isp", "'isp' is a dimension: filter rows on it in where"),
                error(ErrorCode.INVALID_FILTER, "having.or[1].rank", "'rank' is a window value; having filters grouped values only"),
                error(ErrorCode.INVALID_FILTER, "having.or[2].totalQuantile",
                        "'totalQuantile' needs q: select it with q and filter on its key"),
                error(ErrorCode.INVALID_FILTER, "having.or[3].count.like",
                        "'like' does not apply to count (Long); use one of eq, neq, in, nin, gt, gte, lt, lte, between, isNull")),
                errors(sessions().dimensions("isp").metric(metric("count").as("rank").window(Window.of(WindowFunction.RANK)))
                        .having(Filter.or(Filter.eq("isp", "BTP"), Filter.compare("rank", Operator.LT, 3),
                                Filter.compare("totalQuantile", Operator.GT, 3), Filter.compare("count", Operator.LIKE, "1%")))));
    }

    @Test
    void windowsPartitionOnSelectedDimensions() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_WINDOW, "metrics.share.window.partitionBy",
                        "partition on 'browser', which is not a selected dimension; select it too"),
                error(ErrorCode.INVALID_WINDOW, "metrics.avg.window.size", "MOVING_AVERAGE needs a size of at least 1"),
                error(ErrorCode.INVALID_WINDOW, "metrics.rank.window.size", "size is only for MOVING_AVERAGE")),
                errors(sessions().dimensions("isp").metric(metric("count").as("share").window(Window.of(WindowFunction.SHARE, "browser")))
                        .metric(metric("count").as("avg").window(new Window(WindowFunction.MOVING_AVERAGE, List.of(), null)))
                        .metric(metric("count").as("rank").window(new Window(WindowFunction.RANK, List.of(), 3)))));
        assertEquals(List.of(), errors(sessions().dimension(dimension("isp").as("provider"))
                .metric(metric("count").window(Window.of(WindowFunction.SHARE, "provider")))));
    }

    @Test
    void timeZonesAreIanaIdsOrParticipantWhereThereAreParticipants() {
        assertEquals(List.of(error(ErrorCode.INVALID_TIMEZONE, "timezone", "unknown time zone 'Europe/Pariss' "
                + "(did you mean 'Europe/Paris'?); use an IANA zone id such as Europe/London, or PARTICIPANT")),
                errors(sessions().metrics("count").timezone("Europe/Pariss")));
        assertEquals(List.of(error(ErrorCode.INVALID_TIMEZONE, "timezone", "PARTICIPANT is for datasets of study "
                + "participants; sessions has none, use an IANA zone such as Europe/Paris")),
                errors(sessions().metrics("count").timezone(Query.PARTICIPANT)));
        assertEquals(ErrorCode.INVALID_TIMEZONE, errors(sessions().metrics("count").timezone("'; DROP TABLE x; --")).get(0).code());
    }

    @Test
    void limitsAboveTheMaximumAreRefusedWithBothNumbers() {
        assertEquals(List.of(error(ErrorCode.LIMIT_EXCEEDED, "limit", "limit 100001 > maximum 100000; page with offset")),
                errors(sessions().metrics("count").limit(100_001)));
        assertEquals(List.of(error(ErrorCode.LIMIT_EXCEEDED, "limit", "limit 51 > maximum 50; page with offset"),
                error(ErrorCode.INVALID_ARGUMENT, "offset", "offset must be 0 or more, got -1")),
                new QueryValidator(MODEL, 50).validate(sessions().metrics("count").limit(51).offset(-1).build()));
    }

    @Test
    void dimensionArgumentsMustFitTheDimension() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_ARGUMENT, "dimensions.isp", "granularity and part are for time dimensions; isp is String"),
                error(ErrorCode.INVALID_ARGUMENT, "dimensions.browser", "bucketWidth and logBase are for numeric dimensions; browser is String"),
                error(ErrorCode.INVALID_ARGUMENT, "dimensions.p2p.bucketWidth", "bucketWidth must be above 0, got 0.0"),
                error(ErrorCode.INVALID_ARGUMENT, "dimensions.cdn.logBase", "logBase must be above 1, got 1.0"),
                error(ErrorCode.INVALID_ARGUMENT, "dimensions.stream", "stream is Int: bucketWidth and logBase must be whole numbers, got 2.5")),
                errors(sessions().dimension(dimension("isp").granularity(Granularity.DAY))
                        .dimension(dimension("browser").bucketWidth(10)).dimension(dimension("p2p").bucketWidth(0))
                        .dimension(dimension("cdn").logBase(1)).dimension(dimension("stream").bucketWidth(2.5))));
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "dimensions.ts", "give either granularity or part, not both")),
                validator.validate(Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.DAY)
                        .part(DatePart.HOUR_OF_DAY)).build()));
    }

    @Test
    void quantilesTakeAQBetweenZeroAndOne() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_ARGUMENT, "metrics.totalQuantile", "totalQuantile needs q, a quantile between 0 and 1"),
                error(ErrorCode.INVALID_ARGUMENT, "metrics.count.q", "count takes no q"),
                error(ErrorCode.INVALID_ARGUMENT, "metrics.p99.q", "q must be between 0 and 1, got 99.0")),
                errors(sessions().metrics("totalQuantile").metric(metric("count").q(0.5))
                        .metric(metric("p2pQuantile").q(99).as("p99"))));
    }

    @Test
    void outputKeysAreUniqueAndSomethingIsSelected() {
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "selection", "select at least one dimension or metric")),
                errors(sessions()));
        assertEquals(List.of(error(ErrorCode.INVALID_ARGUMENT, "selection.count",
                "output key 'count' is used twice; give one of them an alias")),
                errors(sessions().metrics("count", "count")));
    }

    @Test
    void topRanksByAMetricWithinSelectedPartitions() {
        assertEquals(List.of(
                error(ErrorCode.INVALID_ARGUMENT, "top.n", "n must be at least 1, got 0"),
                error(ErrorCode.UNKNOWN_FIELD, "top.by", "unknown metric 'byts' in sessions"),
                error(ErrorCode.INVALID_ARGUMENT, "top.partitionBy",
                        "partition on 'stream', which is not a selected dimension; select it too"),
                error(ErrorCode.INVALID_ARGUMENT, "top", "top needs a selected dimension besides partitionBy to rank")),
                errors(sessions().dimensions("isp").metrics("count").top(new Top(0, "byts", List.of("isp", "stream"), true))));
    }

    @Test
    void checkThrowsEveryErrorAtOnce() {
        QueryException e = assertThrows(QueryException.class,
                () -> validator.check(sessions().dimensions("ips").metrics("cont").limit(1_000_000).build()));
        assertEquals(List.of(ErrorCode.UNKNOWN_FIELD, ErrorCode.UNKNOWN_FIELD, ErrorCode.LIMIT_EXCEEDED),
                e.errors().stream().map(QueryError::code).toList());
    }
}
