package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static qoegraph.query.SelectedDimension.dimension;
import static qoegraph.query.SelectedMetric.metric;
import static qoegraph.sql.SelectCompilerTest.row;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * Results on the study fixture of {@link TestDb#withStudy()}: traffic rows (UTC, bytes in + out) are
 *
 * <pre>
 *  #  dev ts (UTC)            bytes  Paris               London              owner   stay
 *  1  10  2015-03-29 00:30    110    01:30 +01 (CET)                         alice fr home
 *  2  10  2015-03-29 01:30    220    03:30 +02 (CEST)                        alice fr home
 *  3  10  2015-03-28 23:30    440    29th 00:30 +01                          alice fr home
 *  4  20  2015-03-29 00:30    1100                       00:30 +00 (GMT)     bob uk   home
 *  5  20  2015-03-29 01:30    2200                       02:30 +01 (BST)     bob uk   home
 *  6  20  2015-10-25 00:30    3300                       01:30 +01 (BST)     bob uk   home
 *  7  20  2015-10-25 01:30    4400                       01:30 +00 (GMT)     bob uk   -
 *  8  10  2015-10-25 00:30    11     02:30 +02 (CEST)                        alice fr work
 *  9  10  2015-10-25 01:30    22     02:30 +01 (CET)                         alice fr work
 * 10  30  2015-03-29 12:00    10     shared device: no owner, PARTICIPANT falls back to UTC
 * 11  11  2015-03-29 12:00    100    14:00 +02                               alice fr -
 * </pre>
 */
class StudyQueryTest {
    private static TestDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new TestDb().withStudy();
        db.execute("INSERT INTO dnsreqs (id, devid, query, user_req, duplicate, user_id) VALUES "
                        + "(1, 10, 'a.example.com', true, false, 1), (2, 10, 'a.example.com', true, true, 1), "
                        + "(3, 20, 'b.example.co.uk', false, false, 2)",
                "INSERT INTO httpreqs (id, devid, req_url_host, res_size, user_url, user_id) VALUES "
                        + "(1, 10, 'x.com', 100, true, 1), (2, 20, 'y.com', 200, false, 2), (3, 20, 'y.com', NULL, true, 2)");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static Query.Builder traffic() {
        return Query.newQuery("traffic");
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void londonHoursKeepBothOneOClocksOfTheFallBackNight() throws Exception {
        Query query = traffic().dimension(dimension("ts").granularity(Granularity.HOUR)).metrics("bytes")
                .where(Filter.eq("deviceId", 20)).timezone("Europe/London").build();
        assertEquals(List.of(row("ts", at("2015-03-29T00:00Z"), "bytes", 1100L),
                row("ts", at("2015-03-29T02:00+01:00"), "bytes", 2200L),
                row("ts", at("2015-10-25T01:00+01:00"), "bytes", 3300L),
                row("ts", at("2015-10-25T01:00Z"), "bytes", 4400L)), db.run(query).rows());
    }

    @Test
    void daysStartAtLocalMidnight() throws Exception {
        Query paris = traffic().dimension(dimension("ts").granularity(Granularity.DAY)).metrics("bytes")
                .where(Filter.eq("deviceId", 10)).timezone("Europe/Paris").build();
        assertEquals(List.of(row("ts", at("2015-03-29T00:00+01:00"), "bytes", 770L),
                row("ts", at("2015-10-25T00:00+02:00"), "bytes", 33L)), db.run(paris).rows());
        Query utc = paris.transform(b -> b.timezone("UTC"));
        assertEquals(List.of(row("ts", at("2015-03-28T00:00Z"), "bytes", 440L), row("ts", at("2015-03-29T00:00Z"), "bytes", 330L),
                row("ts", at("2015-10-25T00:00Z"), "bytes", 33L)), db.run(utc).rows());
        Query month = paris.transform(b -> b.clearSelection().dimension(dimension("ts").granularity(Granularity.MONTH))
                .metrics("bytes").timezone("Europe/Paris"));
        assertEquals(List.of(row("ts", at("2015-03-01T00:00+01:00"), "bytes", 770L),
                row("ts", at("2015-10-01T00:00+02:00"), "bytes", 33L)), db.run(month).rows());
    }

    @Test
    void weeksStartOnLocalMonday() throws Exception {
        Query query = traffic().dimension(dimension("ts").granularity(Granularity.WEEK)).metrics("count")
                .where(Filter.eq("deviceId", 10)).timezone("Europe/Paris").build();
        assertEquals(List.of(row("ts", at("2015-03-23T00:00+01:00"), "count", 3L),
                row("ts", at("2015-10-19T00:00+02:00"), "count", 2L)), db.run(query).rows());
    }

    @Test
    void participantDaysAreEachOwnersDayWithItsOffset() throws Exception {
        Query query = traffic().dimension(dimension("ts").granularity(Granularity.DAY)).metrics("bytes")
                .timezone(Query.PARTICIPANT).build();
        // in instant order: bob's (London) and the shared device's (UTC) day start at 00:00Z, alice's (Paris) at 23:00Z
        assertEquals(List.of(row("ts", OffsetDateTime.parse("2015-03-29T00:00+01:00"), "bytes", 870L),
                row("ts", OffsetDateTime.parse("2015-03-29T00:00Z"), "bytes", 3310L),
                row("ts", OffsetDateTime.parse("2015-10-25T00:00+02:00"), "bytes", 33L),
                row("ts", OffsetDateTime.parse("2015-10-25T00:00+01:00"), "bytes", 7700L)), db.run(query).rows());
    }

    @Test
    void datePartsInAZone() throws Exception {
        Query paris = traffic().dimension(dimension("ts").part(DatePart.DAY_OF_WEEK).as("weekday")).metrics("bytes")
                .where(Filter.eq("deviceId", 10)).timezone("Europe/Paris").build();
        assertEquals(List.of(row("weekday", 7, "bytes", 803L)), db.run(paris).rows());
        assertEquals(List.of(row("weekday", 6, "bytes", 440L), row("weekday", 7, "bytes", 363L)),
                db.run(paris.transform(b -> b.timezone("UTC"))).rows());
        Query months = traffic().dimension(dimension("ts").part(DatePart.MONTH_OF_YEAR)).metrics("bytes").build();
        assertEquals(List.of(row("ts", 3, "bytes", 4180L), row("ts", 10, "bytes", 7733L)), db.run(months).rows());
    }

    @Test
    void hourOfDayProfilePerDeviceAsShareOfItsTotal() throws Exception {
        Query query = traffic().dimensions("deviceId").dimension(dimension("ts").part(DatePart.HOUR_OF_DAY).as("hour"))
                .metric(metric("bytes").window(Window.of(WindowFunction.SHARE, "deviceId")).as("share"))
                .where(Filter.compare("deviceId", Operator.IN, List.of(20))).timezone(Query.PARTICIPANT).build();
        assertEquals(List.of(row("deviceId", 20, "hour", 0, "share", 0.1), row("deviceId", 20, "hour", 1, "share", 0.7),
                row("deviceId", 20, "hour", 2, "share", 0.2)), db.run(query).rows());
    }

    @Test
    void timeFiltersTakeInstantsInAnyOffset() throws Exception {
        Query halfOpen = traffic().metrics("count").where(Filter.compare("ts", Operator.IN_RANGE,
                List.of(at("2015-03-29T01:00+01:00"), at("2015-03-29T02:30+01:00")))).build();
        assertEquals(List.of(row("count", 2L)), db.run(halfOpen).rows());
        Query inclusive = traffic().metrics("count").where(Filter.compare("ts", Operator.BETWEEN,
                List.of("2015-03-29T00:30:00Z", "2015-03-29 01:30:00"))).build();
        assertEquals(List.of(row("count", 4L)), db.run(inclusive).rows());
        Query after = traffic().metrics("count").where(Filter.compare("ts", Operator.GTE, at("2015-10-25T02:30+01:00"))).build();
        assertEquals(List.of(row("count", 2L)), db.run(after).rows());
    }

    @Test
    void deviceAndUserDimensionsComeThroughTheirJoins() throws Exception {
        Query query = traffic().dimensions("country").metrics("bytes", "devices", "users", "flows", "distinctDstIps").build();
        assertEquals(List.of(
                row("country", "fr", "bytes", 903L, "devices", 2L, "users", 1L, "flows", 5L, "distinctDstIps", 3L),
                row("country", "uk", "bytes", 11000L, "devices", 1L, "users", 1L, "flows", 2L, "distinctDstIps", 2L),
                row("country", null, "bytes", 10L, "devices", 1L, "users", 0L, "flows", 1L, "distinctDstIps", 1L)),
                db.run(query).rows());
        assertEquals(List.of(row("bytes", 11000L, "packets", 110L)),
                db.run(traffic().metrics("bytes", "packets").where(Filter.eq("devtype", "laptop")).build()).rows());
    }

    @Test
    void httpsShareOfBytesPerUser() throws Exception {
        Query query = traffic().dimensions("userId", "dstPort").metric(metric("bytes").as("share")
                        .window(Window.of(WindowFunction.SHARE, "userId")))
                .where(Filter.compare("dstPort", Operator.IN, List.of(80, 443))).having(Filter.compare("bytes", Operator.GT, 0))
                .build();
        assertEquals(List.of(
                row("userId", 1, "dstPort", 80, "share", 551.0 / 881), row("userId", 1, "dstPort", 443, "share", 330.0 / 881),
                row("userId", 2, "dstPort", 80, "share", 0.2), row("userId", 2, "dstPort", 443, "share", 0.8),
                row("userId", null, "dstPort", 443, "share", 1.0)), db.run(query).rows());
    }

    @Test
    void topWithoutOtherKeepsTheBestGroupOfEachPartition() throws Exception {
        Query query = traffic().dimensions("deviceId", "location").metrics("bytes")
                .top(new Top(1, "bytes", List.of("deviceId"), false)).build();
        assertEquals(List.of(row("deviceId", 10, "location", "home", "bytes", 770L),
                row("deviceId", 11, "location", null, "bytes", 100L), row("deviceId", 20, "location", "home", "bytes", 6600L),
                row("deviceId", 30, "location", null, "bytes", 10L)), db.run(query).rows());
    }

    @Test
    void topOverAllGroupsFoldsTheRestIntoOneRow() throws Exception {
        Query query = traffic().dimensions("deviceId").metrics("count").top(new Top(2, "bytes", List.of(), true)).build();
        assertEquals(List.of(row("deviceId", 20, "count", 4L), row("deviceId", 10, "count", 5L),
                row("deviceId", null, "count", 2L)), db.run(query).rows());
    }

    @Test
    void topWithOtherOnParticipantHoursBindsEveryZoneInTextOrder() throws Exception {
        Query query = traffic().dimensions("country").dimension(dimension("ts").part(DatePart.HOUR_OF_DAY).as("hour"))
                .metrics("bytes").top(new Top(1, "bytes", List.of("country"), true)).timezone(Query.PARTICIPANT).build();
        assertEquals(List.of(row("country", "fr", "hour", 0, "bytes", 440L), row("country", "fr", "hour", null, "bytes", 463L),
                row("country", "uk", "hour", 1, "bytes", 7700L), row("country", "uk", "hour", null, "bytes", 3300L),
                row("country", null, "hour", 12, "bytes", 10L)), db.run(query).rows());
    }

    @Test
    void dnsHttpLocationsDevicesAndUsersAnswerTheirMetrics() throws Exception {
        assertEquals(List.of(row("count", 3L, "distinctQueries", 2L, "userRequests", 1L, "devices", 2L)),
                db.run(Query.newQuery("dnsRequests").metrics("count", "distinctQueries", "userRequests", "devices").build()).rows());
        assertEquals(List.of(row("country", "fr", "resBytes", 100L, "distinctHosts", 1L, "userUrls", 1L),
                row("country", "uk", "resBytes", 200L, "distinctHosts", 1L, "userUrls", 1L)),
                db.run(Query.newQuery("httpRequests").dimensions("country")
                        .metrics("resBytes", "distinctHosts", "userUrls").build()).rows());
        assertEquals(List.of(row("userCountry", "fr", "userId", 1, "count", 2L, "dwellSeconds", 50_400L),
                row("userCountry", "uk", "userId", 2, "count", 1L, "dwellSeconds", 210L * 86_400 + 3_600)),
                db.run(Query.newQuery("locations").dimensions("userCountry", "userId").metrics("count", "dwellSeconds").build()).rows());
        assertEquals(List.of(row("country", "fr", "count", 2L, "users", 1L), row("country", "uk", "count", 1L, "users", 1L),
                row("country", null, "count", 1L, "users", 0L)),
                db.run(Query.newQuery("devices").dimensions("country").metrics("count", "users").build()).rows());
        assertEquals(List.of(row("name", "alice-tablet", "addresses", List.of("10.0.0.11", "10.0.1.11"))),
                db.run(Query.newQuery("devices").dimensions("name", "addresses")
                        .where(Filter.compare("addresses", Operator.CONTAINS, "10.0.1.11")).build()).rows());
        assertEquals(List.of(row("country", "fr", "count", 2L), row("country", "uk", "count", 1L)),
                db.run(Query.newQuery("users").dimensions("country").metrics("count").build()).rows());
    }

    @Test
    void percentChangeAgainstThePreviousDay() throws Exception {
        Query query = traffic().dimension(dimension("ts").granularity(Granularity.DAY)).metrics("bytes")
                .metric(metric("bytes").as("change").window(Window.of(WindowFunction.PERCENT_CHANGE)))
                .metric(metric("bytes").as("running").window(Window.of(WindowFunction.CUMULATIVE_SHARE)))
                .orderBy(OrderBy.desc("ts")).build();
        assertEquals(List.of(
                row("ts", at("2015-10-25T00:00Z"), "bytes", 7733L, "change", 3993.0 / 3740, "running", 1.0),
                row("ts", at("2015-03-29T00:00Z"), "bytes", 3740L, "change", 7.5, "running", 4180.0 / 11913),
                row("ts", at("2015-03-28T00:00Z"), "bytes", 440L, "change", null, "running", 440.0 / 11913)),
                db.run(query).rows());
    }
}
