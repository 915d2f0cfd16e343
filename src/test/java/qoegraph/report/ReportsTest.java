package qoegraph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.sql.SqlRunner;

/** Each report of queries/reports on {@link ReportFixture}, against figures computed by hand from its rows. */
class ReportsTest {
    private static Connection db;
    private static Reports reports;

    @BeforeAll
    static void load() throws Exception {
        db = DriverManager.getConnection("jdbc:duckdb:");
        ReportFixture.load(db);
        reports = Reports.load(Path.of("queries/reports")).check(db, new DuckDbDialect());
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static List<Map<String, Object>> run(String name, Map<String, Object> args) throws Exception {
        Report report = reports.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        return new SqlRunner(Duration.ofSeconds(10)).run(db, report.bind(args, 1000)).rows();
    }

    /** Picks the named fields of each row, in order, for compact expectations. */
    static List<List<Object>> pick(List<Map<String, Object>> rows, String... fields) {
        return rows.stream().map(r -> java.util.Arrays.stream(fields).map(r::get).toList()).toList();
    }

    @Test
    void userRankingRanksByBytesOfPersonalDevicesOverallAndPerCountry() throws Exception {
        // bytes: alice 100+300+50+40+200+10 (dev 10) + 1000 (dev 11) = 1700; bob 2100+500+400 (dev 20) + 100 = 3100;
        // dave 100; carol no devices, 0. The shared pc's 99999 bytes and its requests count for nobody.
        // dns: alice d1..d5 = 5, bob d6 = 1; http: alice h1..h4 = 4, bob h5..h7 = 3.
        List<Map<String, Object>> rows = run("userRanking", Map.of());
        assertEquals(List.of(
                List.of(2, "uk", 3100L, 1L, 3L, 4L, 2L, 1L, 0L, 0L, 1L, 1L, 1L),
                List.of(1, "fr", 1700L, 5L, 4L, 9L, 3L, 1L, 1L, 1L, 0L, 2L, 1L),
                List.of(4, "uk", 100L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 3L, 2L),
                List.of(3, "fr", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 4L, 2L)),
                pick(rows, "userId", "country", "bytes", "dnsRequests", "httpRequests", "appRequests", "devices",
                        "phones", "tablets", "laptops", "pcs", "rankOverall", "rankInCountry"));
    }

    @Test
    void userRankingFiltersByCountryButRanksOverAllUsers() throws Exception {
        assertEquals(List.of(List.of(1, 2L, 1L), List.of(3, 4L, 2L)),
                pick(run("userRanking", Map.of("country", "fr")), "userId", "rankOverall", "rankInCountry"));
    }

    @Test
    void aSqlLookingStringIsOnlyAValue() throws Exception {
        assertEquals(List.of(), run("userRanking", Map.of("country", "fr' OR '1'='1")));
        assertEquals(List.of(), run("userRanking", Map.of("country", "x'; DROP TABLE users; --")));
        assertEquals(4, run("userRanking", Map.of()).size());
    }

    @Test
    void deviceLocationsSharesTopLocationsPerMeasureAndElsewhere() throws Exception {
        // device 10 bytes: home 100 + 200 (two stays named home) = 300, work 300, cafe 50, gym 40, no stay 10;
        // total 700; home and work tie, broken by name. Elsewhere: gym + no stay = 50.
        // app: home d1 d2 = 2, work d3 h1 h2 = 3 (total 5); user: home d1 = 1, work h1 = 1 (total 2).
        List<Map<String, Object>> rows = run("deviceLocations", Map.of("device", 10));
        assertEquals(List.of(
                Arrays.asList(1, "home", 300 / 700.0, "work", 0.6, "home", 0.5),
                Arrays.asList(2, "work", 300 / 700.0, "home", 0.4, "work", 0.5),
                Arrays.asList(3, "cafe", 50 / 700.0, null, 0.0, null, 0.0),
                Arrays.asList(null, null, 50 / 700.0, null, 0.0, null, 0.0)),
                pick(rows, "slot", "bytesLocation", "bytesShare", "appLocation", "appShare", "userLocation", "userShare"));
    }

    @Test
    void deviceLocationsTakesTheLaterStayWhereStaysOverlapAndHonoursN() throws Exception {
        // device 20: t8 2100 bytes and d6 at 10:00-10:30 inside both home (00:00..) and office (09:00..12:00):
        // office, entered later, wins. home: t9 500 + t10 400 = 900, h5. Total bytes 3000.
        List<Map<String, Object>> rows = run("deviceLocations", Map.of("device", 20, "n", 1));
        assertEquals(List.of(
                Arrays.asList(1, "office", 0.7, "home", 0.5, "home", 0.5),
                Arrays.asList(null, null, 0.3, null, 0.5, null, 0.5)),
                pick(rows, "slot", "bytesLocation", "bytesShare", "appLocation", "appShare", "userLocation", "userShare"));
    }

    @Test
    void deviceLocationsPutsActivityWithoutAStayElsewhereAndLeavesSharedDevicesOut() throws Exception {
        List<Map<String, Object>> rows = run("deviceLocations", Map.of());
        assertEquals(List.of(10, 11, 20, 21, 40), rows.stream().map(r -> r.get("deviceId")).distinct().toList());
        // device 11: nothing inside a stay; device 40: bytes but no requests, so no request shares.
        assertEquals(List.of(Arrays.asList(null, 1.0, 1.0, 1.0)),
                pick(rows.stream().filter(r -> r.get("deviceId").equals(11) && r.get("slot") == null).toList(),
                        "bytesLocation", "bytesShare", "appShare", "userShare"));
        assertEquals(List.of(Arrays.asList(1.0, null, null)),
                pick(rows.stream().filter(r -> r.get("deviceId").equals(40) && r.get("slot") == null).toList(),
                        "bytesShare", "appShare", "userShare"));
    }

    @Test
    void hourProfileIsInTheParticipantsLocalTimeAcrossTheClockChange() throws Exception {
        // device 10 (fr): after 01:00 UTC on 2015-03-29 Paris is UTC+2: t1 08:00 -> 10, t2 12:00 -> 14,
        // t3 18:30 -> 20, t4 19:30 -> 21, t5 + t6 05:00 -> 07 (200 + 10). Total 700.
        List<Map<String, Object>> rows = run("hourProfile", Map.of("device", 10));
        assertEquals(24, rows.size());
        assertEquals(List.of(List.of(7, 210L, 30.0), List.of(10, 100L, 100 / 7.0), List.of(14, 300L, 300 / 7.0),
                        List.of(20, 50L, 50 / 7.0), List.of(21, 40L, 40 / 7.0)),
                pick(rows.stream().filter(r -> (Long) r.get("bytes") > 0).toList(), "hour", "bytes", "bytesPct"));
        // app: d1 d2 at 10, d3 h1 h2 at 14; user: d1 at 10, h1 at 14.
        assertEquals(List.of(List.of(10, 2L, 40.0, 1L, 50.0), List.of(14, 3L, 60.0, 1L, 50.0)),
                pick(rows.stream().filter(r -> (Long) r.get("appRequests") > 0).toList(),
                        "hour", "appRequests", "appPct", "userRequests", "userPct"));
        // device 11: t7 00:30 UTC is still winter time in Paris (UTC+1): hour 1.
        assertEquals(List.of(List.of(1, 1000L, 100.0)), pick(run("hourProfile", Map.of("device", 11)).stream()
                .filter(r -> (Long) r.get("bytes") > 0).toList(), "hour", "bytes", "bytesPct"));
        // device 21 (uk): t11 00:30 UTC is GMT, hour 0; h6 h7 10:10 UTC are BST, hour 11.
        List<Map<String, Object>> bob = run("hourProfile", Map.of("device", 21));
        assertEquals(List.of("Europe/London", 100L, 2L), List.of(bob.get(0).get("timeZone"), bob.get(0).get("bytes"),
                bob.get(11).get("appRequests")));
    }

    @Test
    void hourProfileLeavesOutDevicesWithoutBytesAndSharedDevices() throws Exception {
        List<Map<String, Object>> rows = run("hourProfile", Map.of());
        assertEquals(List.of(10, 11, 20, 21, 40), rows.stream().map(r -> r.get("deviceId")).distinct().toList());
        assertEquals(5 * 24, rows.size());
    }

    @Test
    void httpVsHttpsTakesTheTopUsersPerCountry() throws Exception {
        // alice: http t2 300; https t1 t3 t4 t5 t7 = 100+50+40+200+1000 = 1390; t6 (port 53) 10; bytes 1700.
        // bob: http t8 2100 (dst 80) + t10 400 (src 80) = 2500; https t9 500 + t11 100 = 600; bytes 3100.
        // dave: https 100. carol: nothing. All four: bytes 4900, http 2800, https 2090.
        List<Map<String, Object>> rows = run("httpVsHttps", Map.of());
        assertEquals(List.of(
                Arrays.asList(1, "fr", 1L, 3L, 1700L, 300L, 1390L, 300 / 1700.0, 1390 / 1700.0),
                Arrays.asList(3, "fr", 2L, 0L, 0L, 0L, 0L, null, null),
                Arrays.asList(2, "uk", 1L, 2L, 3100L, 2500L, 600L, 2500 / 3100.0, 600 / 3100.0),
                Arrays.asList(4, "uk", 2L, 1L, 100L, 0L, 100L, 0.0, 1.0),
                Arrays.asList(null, null, null, 6L, 4900L, 2800L, 2090L, 2800 / 4900.0, 2090 / 4900.0)),
                pick(rows, "userId", "country", "rankInCountry", "devices", "bytes", "httpBytes", "httpsBytes",
                        "httpShare", "httpsShare"));
        List<Map<String, Object>> top1 = run("httpVsHttps", Map.of("n_fr", 1, "n_uk", 1));
        assertEquals(List.of(Arrays.asList(1), Arrays.asList(2), Arrays.asList((Object) null)), pick(top1, "userId"));
        assertEquals(List.of(4800L, 2800L, 1990L, 4790 / 4800.0),
                pick(top1.subList(2, 3), "bytes", "httpBytes", "httpsBytes", "webShare").get(0));
    }

    @Test
    void uniqueDestinationsCountsWhatOnlyOneDeviceContacts() throws Exception {
        // alice (devices 10, 11, 12): IPs 10 {1.1.1.1, 2.2.2.2, 3.3.3.3, 9.9.9.9}, 11 {1.1.1.1}: 4, 3 unique.
        // Names asked at least twice per device and source: 10 dns www.example.com (d1 d2), http
        // static.example.com (h1 h2) -> example.com; 11 dns news.bbc.co.uk -> bbc.co.uk, http www.example.com ->
        // example.com. Domains {example.com: 10 11, bbc.co.uk: 11}: 2, 1 unique. User requests twice: only 11's
        // (d4 d5, h3 h4): 2 domains, both unique.
        // bob (20, 21): IPs 20 {4.4.4.4, 5.5.5.5}, 21 {4.4.4.4}: 2, 1 unique. Twice: 21 www.shop.co.uk (h6 h7)
        // -> shop.co.uk: 1 of 1, in both sets. dave has one device, carol none: left out.
        List<Map<String, Object>> rows = run("uniqueDestinations", Map.of());
        assertEquals(List.of(
                List.of(1, 3L, 4L, 3L, 0.75, 2L, 1L, 0.5, 2L, 2L, 1.0),
                List.of(2, 2L, 2L, 1L, 0.5, 1L, 1L, 1.0, 1L, 1L, 1.0)),
                pick(rows, "userId", "devices", "ips", "uniqueIps", "uniqueIpShare", "domains", "uniqueDomains",
                        "uniqueDomainShare", "userDomains", "uniqueUserDomains", "uniqueUserDomainShare"));
    }

    @Test
    void uniqueDestinationsWithEveryNameReducesToRegistrableDomains() throws Exception {
        // alice: 10 {example.com (www, static), tracker.net (ads.tracker.net)}, 11 {bbc.co.uk, example.com}:
        // 3 domains, 2 unique; user: 10 {example.com (d1, h1)}, 11 {bbc.co.uk, example.com}: 2, 1 unique.
        // bob: 20 {example.com (mail), shop.co.uk}, 21 {shop.co.uk (www.shop.co.uk)}: 2, 1 unique; user the same.
        List<Map<String, Object>> rows = run("uniqueDestinations", Map.of("min_requests", 1));
        assertEquals(List.of(List.of(1, 3L, 2L, 2L, 1L), List.of(2, 2L, 1L, 2L, 1L)),
                pick(rows, "userId", "domains", "uniqueDomains", "userDomains", "uniqueUserDomains"));
    }

    @Test
    void streamHealthPerStream() throws Exception {
        // stream 1: 3 viewers, 2 connected, p2p 100 of 900 bytes, 2 without p2p; stream 2: 2 viewers, both
        // connected, p2p 1050 of 1050 (a missing cdn counts 0); stream 3: 1 viewer, 10000 bytes from the CDN.
        List<Map<String, Object>> rows = run("streamHealth", Map.of());
        assertEquals(List.of(
                List.of(1, 3L, 2L, 2 / 3.0, 100.0, 900.0, 1 / 9.0, 2L, 2 / 3.0, 3L),
                List.of(2, 2L, 2L, 1.0, 1050.0, 1050.0, 1.0, 0L, 0.0, 2L),
                List.of(3, 1L, 0L, 0.0, 0.0, 10000.0, 0.0, 1L, 1.0, 1L)),
                pick(rows, "stream", "viewers", "connectedViewers", "connectedShare", "p2pBytes", "totalBytes",
                        "p2pShare", "noP2pViewers", "noP2pShare", "trafficRank"));
        assertEquals(List.of(List.of(1, 3L), List.of(2, 2L)),
                pick(run("streamHealth", Map.of("min_viewers", 2)), "stream", "trafficRank"));
    }
}
