package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static qoegraph.graphql.SessionsApiTest.row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The study root fields over HTTP: times in zones, participants' own zones, top-N, shared names; see {@link Fixtures}. */
class StudyApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    private static List<Map<String, Object>> traffic(String query) throws Exception {
        return server.rows(query, "traffic");
    }

    @Test
    void hoursInLondonKeepBothOneOClocksOfTheFallBackNight() throws Exception {
        assertEquals(List.of(row("ts", "2015-03-29T00:00:00.000Z", "bytes", 1100),
                        row("ts", "2015-03-29T02:00:00.000+01:00", "bytes", 2200),
                        row("ts", "2015-10-25T01:00:00.000+01:00", "bytes", 3300),
                        row("ts", "2015-10-25T01:00:00.000Z", "bytes", 4400)),
                traffic("{ traffic(where: {deviceId: {eq: 20}}, timezone: \"Europe/London\") {"
                        + " ts(granularity: HOUR) bytes } }"));
    }

    @Test
    void aliasesGiveSeveralGranularitiesAndPartsOfOneTime() throws Exception {
        assertEquals(List.of(row("day", "2015-03-29T00:00:00.000+01:00", "weekday", 7, "bytes", 770),
                        row("day", "2015-10-25T00:00:00.000+02:00", "weekday", 7, "bytes", 33)),
                traffic("{ traffic(where: {deviceId: {eq: 10}}, timezone: \"Europe/Paris\") {"
                        + " day: ts(granularity: DAY) weekday: ts(part: DAY_OF_WEEK) bytes } }"));
    }

    /**
     * A participant's day is their local day, with their zone's offset at its start: a French and a British (or
     * shared, UTC) day are different instants, so different rows, in instant order; the text before the offset is
     * the wall clock.
     */
    @Test
    void participantTimesAreEachOwnersLocalTimeWithTheirOffset() throws Exception {
        assertEquals(List.of(row("ts", "2015-03-29T00:00:00.000+01:00", "bytes", 870),
                        row("ts", "2015-03-29T00:00:00.000Z", "bytes", 3310),
                        row("ts", "2015-10-25T00:00:00.000+02:00", "bytes", 33),
                        row("ts", "2015-10-25T00:00:00.000+01:00", "bytes", 7700)),
                traffic("{ traffic(timezone: \"PARTICIPANT\") { ts(granularity: DAY) bytes } }"));
        // bob's hours on the fall-back night: both 01:00 hours, each with its own offset
        assertEquals(List.of(row("ts", "2015-03-29T00:00:00.000Z", "bytes", 1100),
                        row("ts", "2015-03-29T02:00:00.000+01:00", "bytes", 2200),
                        row("ts", "2015-10-25T01:00:00.000+01:00", "bytes", 3300),
                        row("ts", "2015-10-25T01:00:00.000Z", "bytes", 4400)),
                traffic("{ traffic(where: {deviceId: {eq: 20}}, timezone: \"PARTICIPANT\") { ts(granularity: HOUR) bytes } }"));
        // every value is the row's own instant (a browser's new Date() reads it right) and its owner's wall clock
        Map<Object, String> utc = Map.of("1", "2015-03-29T00:30:00Z", "2", "2015-03-29T01:30:00Z", "8", "2015-10-25T00:30:00Z",
                "9", "2015-10-25T01:30:00Z", "10", "2015-03-29T12:00:00Z", "11", "2015-03-29T12:00:00Z");
        Map<Object, String> wallClock = Map.of("1", "2015-03-29T01:30", "2", "2015-03-29T03:30", "8", "2015-10-25T02:30",
                "9", "2015-10-25T02:30", "10", "2015-03-29T12:00", "11", "2015-03-29T14:00");
        List<Map<String, Object>> rows = traffic("{ traffic(where: {id: {in: [\"1\", \"2\", \"8\", \"9\", 10, 11]}},"
                + " timezone: \"PARTICIPANT\") { id ts } }");
        assertEquals(utc.keySet(), rows.stream().map(r -> r.get("id")).collect(java.util.stream.Collectors.toSet()));
        for (Map<String, Object> r : rows) {
            OffsetDateTime ts = OffsetDateTime.parse((String) r.get("ts"));
            assertEquals(Instant.parse(utc.get(r.get("id"))), ts.toInstant(), "instant of row " + r);
            assertEquals(wallClock.get(r.get("id")), ts.toLocalDateTime().toString(), "wall clock of row " + r);
        }
        assertEquals(List.of(row("deviceId", 20, "hour", 0, "share", 0.1), row("deviceId", 20, "hour", 1, "share", 0.7),
                        row("deviceId", 20, "hour", 2, "share", 0.2)),
                traffic("{ traffic(where: {deviceId: {in: [20]}}, timezone: \"PARTICIPANT\") { deviceId"
                        + " hour: ts(part: HOUR_OF_DAY) share: bytes(window: {fn: SHARE, partitionBy: [deviceId]}) } }"));
    }

    @Test
    void timeFiltersTakeInstantsWithAnyOffset() throws Exception {
        assertEquals(List.of(row("count", 2)), traffic("{ traffic(where: {ts: {inRange: [\"2015-03-29T01:00:00+01:00\","
                + " \"2015-03-29T02:30:00+01:00\"]}}) { count } }"));
        assertEquals(List.of(row("count", 4)), traffic("{ traffic(where: {ts: {between: [\"2015-03-29T00:30:00Z\","
                + " \"2015-03-29T01:30:00Z\"]}}) { count } }"));
    }

    @Test
    void topNFoldsTheRestIntoOtherRows() throws Exception {
        assertEquals(List.of(row("deviceId", 20, "count", 4), row("deviceId", 10, "count", 5), row("deviceId", null, "count", 2)),
                traffic("{ traffic(top: {n: 2, by: bytes, other: true}) { deviceId count } }"));
        assertEquals(List.of(row("country", "fr", "hour", 0, "bytes", 440), row("country", "fr", "hour", null, "bytes", 463),
                        row("country", "uk", "hour", 1, "bytes", 7700), row("country", "uk", "hour", null, "bytes", 3300),
                        row("country", null, "hour", 12, "bytes", 10)),
                traffic("{ traffic(timezone: \"PARTICIPANT\", top: {n: 1, by: bytes, partitionBy: [country], other: true}) {"
                        + " country hour: ts(part: HOUR_OF_DAY) bytes } }"));
        assertEquals(List.of(row("deviceId", 10, "location", "home", "bytes", 770),
                        row("deviceId", 10, "location", "Other", "bytes", 33)),
                traffic("{ traffic(where: {deviceId: {eq: 10}}, top: {n: 1, by: bytes, partitionBy: [deviceId], other: true}) {"
                        + " deviceId location bytes } }"));
    }

    @Test
    void aNameThatIsBothIsTheMetricUnlessBucketed() throws Exception {
        assertEquals(List.of(row("bytesIn", 10785)), traffic("{ traffic { bytesIn } }"));
        assertEquals(List.of(row("bytesIn", 0, "rows", 7, "sum", 785), row("bytesIn", 1000, "rows", 1, "sum", 1000),
                        row("bytesIn", 2000, "rows", 1, "sum", 2000), row("bytesIn", 3000, "rows", 1, "sum", 3000)),
                traffic("{ traffic(where: {bytesIn: {lt: 4000}}) { bytesIn(bucketWidth: 1000) rows: count sum: bytesIn } }"));
    }

    @Test
    void theOtherDatasetsAnswerTheirMetrics() throws Exception {
        assertEquals(List.of(row("count", 3, "distinctQueries", 2, "userRequests", 1, "devices", 2)),
                server.rows("{ dnsRequests { count distinctQueries userRequests devices } }", "dnsRequests"));
        assertEquals(List.of(row("country", "fr", "resBytes", 100, "distinctHosts", 1), row("country", "uk", "resBytes", 200,
                        "distinctHosts", 1)),
                server.rows("{ httpRequests { country resBytes distinctHosts } }", "httpRequests"));
        assertEquals(List.of(row("userCountry", "fr", "count", 2, "dwellSeconds", 50_400),
                        row("userCountry", "uk", "count", 1, "dwellSeconds", 210 * 86_400 + 3_600)),
                server.rows("{ locations { userCountry count dwellSeconds } }", "locations"));
        assertEquals(List.of(row("name", "alice-tablet", "addresses", List.of("10.0.0.11", "10.0.1.11"))),
                server.rows("{ devices(where: {addresses: {contains: \"10.0.1.11\"}}) { name addresses } }", "devices"));
        assertEquals(List.of(row("country", "fr", "count", 2), row("country", "uk", "count", 1)),
                server.rows("{ users { country count } }", "users"));
    }
}
