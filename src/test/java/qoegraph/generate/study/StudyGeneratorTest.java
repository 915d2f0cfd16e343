package qoegraph.generate.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the full study (scale 1) once and checks it against the published figures, reading the files back
 * independently. The figures below are typed from the publications and the study notebook.
 */
class StudyGeneratorTest {

    private static final List<String> TABLES = List.of("users", "devices", "user_devices", "deviceapptraffic",
        "dnsreqs", "httpreqs", "locations");
    private static final List<String> LOG_TABLES = List.of("deviceapptraffic", "dnsreqs", "httpreqs", "locations");

    private static final int USERS = 25;
    private static final int USERS_FR = 11;
    private static final int USERS_UK = 14;
    private static final int FR_USERS_WITHOUT_TRAFFIC = 3;
    private static final int DEVICES = 47;
    private static final int SHARED_DEVICES = 3;
    private static final int PERSONAL_LINKS = 44;
    private static final long DNS_REQUESTS = 327_707;
    private static final long HTTP_REQUESTS = 1_665_665;
    private static final Map<Integer, Long> FLOWS = Map.of(80, 1_127_116L, 443, 305_355L, 53, 378_635L);
    private static final Map<Integer, Double> GIGABYTES = Map.of(80, 12.7, 443, 32.4);
    private static final int HEAVY_FR = 6;
    private static final int HEAVY_UK = 8;
    private static final int HEAVY_DEVICES = 27;
    private static final double HEAVY_HTTP_PERCENT = 28.4;
    private static final double HEAVY_HTTPS_PERCENT = 68.3;
    private static final double HEAVY_WEB_PERCENT = 96.7;
    private static final Map<Integer, Double> DNS_COVERED_PERCENT = Map.of(80, 88.9, 443, 77.2);
    private static final double SPAN_MAX_DAYS = 103;
    private static final double SPAN_MEDIAN_DAYS = 35;

    @TempDir
    static Path tmp;
    private static Path full;
    private static Map<String, Long> written;
    private static StudyFacts facts;

    @BeforeAll
    static void generateTheFullStudy() throws IOException {
        full = tmp.resolve("full");
        written = StudyGenerator.write(full, StudyGenerator.DEFAULT_SEED, 1.0, true);
        facts = StudyFacts.read(full);
    }

    @Test
    void writesEveryTableInOrderAndReportsItsRows() {
        assertEquals(TABLES, new ArrayList<>(written.keySet()));
        for (String table : TABLES) {
            assertTrue(Files.exists(full.resolve(table + ".csv.gz")), table);
        }
        assertEquals(written.get("users"), (long) facts.userCountry.size());
        assertEquals(written.get("devices"), (long) facts.deviceShared.size());
        assertEquals(written.get("user_devices"), facts.links);
        assertEquals(written.get("deviceapptraffic"), facts.trafficRows);
        assertEquals(written.get("dnsreqs"), facts.dnsRows);
        assertEquals(written.get("httpreqs"), facts.httpRows);
        assertEquals(written.get("locations"), facts.locationRows);
    }

    @Test
    void has25UsersElevenInFranceFourteenInTheUk() {
        assertEquals(USERS, facts.userCountry.size());
        assertEquals(Set.copyOf(range(1, USERS)), facts.userCountry.keySet());
        assertEquals(USERS_FR, facts.userCountry.values().stream().filter("fr"::equals).count());
        assertEquals(USERS_UK, facts.userCountry.values().stream().filter("uk"::equals).count());
    }

    @Test
    void threeFrenchUsersHaveNoTrafficAtAll() {
        List<Integer> silent = new ArrayList<>();
        for (int user : facts.userCountry.keySet()) {
            boolean any = facts.userDevices.getOrDefault(user, List.of()).stream()
                .anyMatch(d -> facts.deviceSpan.containsKey(d) || facts.deviceDomains.containsKey(d));
            if (!any) {
                silent.add(user);
            }
        }
        assertEquals(FR_USERS_WITHOUT_TRAFFIC, silent.size(), "users without traffic: " + silent);
        silent.forEach(user -> assertEquals("fr", facts.userCountry.get(user)));
    }

    @Test
    void has47DevicesThreeSharedByTwoOrMoreUsersAnd44PersonalLinks() {
        assertEquals(Set.copyOf(range(1, DEVICES)), facts.deviceShared.keySet());
        assertEquals(SHARED_DEVICES, facts.deviceShared.values().stream().filter(s -> s).count());
        long personalLinks = 0;
        for (Map.Entry<Integer, Boolean> device : facts.deviceShared.entrySet()) {
            int owners = facts.deviceOwners.getOrDefault(device.getKey(), List.of()).size();
            if (device.getValue()) {
                assertTrue(owners >= 2, "shared device " + device.getKey() + " has " + owners + " owner(s)");
            } else {
                assertEquals(1, owners, "personal device " + device.getKey());
                personalLinks++;
            }
        }
        assertEquals(PERSONAL_LINKS, personalLinks);
    }

    @Test
    void dnsRequestsAreExactAndHttpRequestsWithinOnePercent() {
        assertEquals(DNS_REQUESTS, facts.dnsRows);
        assertEquals(HTTP_REQUESTS, facts.httpRows, HTTP_REQUESTS * 0.01);
    }

    @Test
    void flowsAndGigabytesPerPortWithinTwoPercent() {
        FLOWS.forEach((port, published) ->
            assertEquals(published, facts.flows.get(port), published * 0.02, "flows to port " + port));
        GIGABYTES.forEach((port, published) ->
            assertEquals(published, facts.bytesByPort.get(port) / 1e9, published * 0.02, "GB to port " + port));
    }

    @Test
    void heavyUsersCarryThePublishedPortShares() {
        List<Integer> heavy = new ArrayList<>();
        heavy.addAll(heaviest("fr", HEAVY_FR));
        heavy.addAll(heaviest("uk", HEAVY_UK));
        List<Integer> devices = new ArrayList<>();
        for (int user : heavy) {
            facts.userDevices.get(user).stream().filter(d -> !facts.deviceShared.get(d)).forEach(devices::add);
        }
        assertEquals(HEAVY_DEVICES, devices.size());
        long[] bytes = new long[3];
        for (int device : devices) {
            long[] perPort = facts.deviceBytes.getOrDefault(device, new long[3]);
            for (int p = 0; p < 3; p++) {
                bytes[p] += perPort[p];
            }
        }
        double total = bytes[0] + bytes[1] + bytes[2];
        assertEquals(HEAVY_HTTP_PERCENT, 100 * bytes[0] / total, 1.0);
        assertEquals(HEAVY_HTTPS_PERCENT, 100 * bytes[1] / total, 1.0);
        assertEquals(HEAVY_WEB_PERCENT, 100 * (bytes[0] + bytes[1]) / total, 1.0);
    }

    @Test
    void mostWebFlowsFollowADnsAnswerOfTheirDevice() {
        DNS_COVERED_PERCENT.forEach((port, published) -> assertEquals(published,
            100.0 * facts.coveredFlows.get(port) / facts.flows.get(port), 2.0, "port " + port));
    }

    @Test
    void flagsAgreeWithTheirDefinitionOnEveryRow() {
        assertEquals(0, facts.userReqMismatches, "dnsreqs.user_req");
        assertEquals(0, facts.duplicateMismatches, "dnsreqs.duplicate");
        assertEquals(0, facts.userUrlMismatches, "httpreqs.user_url");
        assertEquals(0, facts.overlapMismatches, "locations.overlap");
        assertTrue(facts.duplicates > 0 && facts.duplicates < facts.dnsRows, "some DNS requests are duplicates");
        assertTrue(facts.overlapping > 0 && facts.overlapping < facts.locationRows, "some stays overlap");
    }

    @Test
    void trafficIsBinnedByTenSecondsAndNamesItsService() {
        assertEquals(0, facts.binMisses);
        assertEquals(0, facts.serviceMisses);
    }

    @Test
    void collectionSpansReachAbout103DaysWithMedian35() {
        List<Double> spans = new ArrayList<>();
        for (int user : facts.userCountry.keySet()) {
            double span = facts.spanDays(user);
            if (span >= 0) {
                spans.add(span);
            }
        }
        spans.sort(Comparator.naturalOrder());
        int n = spans.size();
        double median = n % 2 == 1 ? spans.get(n / 2) : (spans.get(n / 2 - 1) + spans.get(n / 2)) / 2;
        assertEquals(SPAN_MAX_DAYS, spans.get(n - 1), 0.5);
        assertEquals(SPAN_MEDIAN_DAYS, median, 1.0);
    }

    /** In each country, in summer and in winter time alike, 3-6 am local is far quieter than 8-11 pm local. */
    @Test
    void usesDevicesInADailyRhythmOfLocalTime() {
        for (long[][][] hours : new long[][][][] {facts.trafficHours, facts.appHours}) {
            for (int country = 0; country < 2; country++) {
                for (int summer = 0; summer < 2; summer++) {
                    long[] byHour = hours[country][summer];
                    long night = byHour[3] + byHour[4] + byHour[5];
                    long evening = byHour[20] + byHour[21] + byHour[22];
                    String where = (country == 0 ? "fr" : "uk") + (summer == 1 ? " summer" : " winter") + " time";
                    assertTrue(evening > 1000, where + ": too few events to tell");
                    assertTrue(night * 5 < evening, where + ": night " + night + " vs evening " + evening);
                }
            }
        }
    }

    @Test
    void hasCoUkHostsAndDevicesShareSomeButNotAllOfTheirDomains() {
        assertTrue(facts.coUkHosts);
        for (Map.Entry<Integer, List<Integer>> user : facts.userDevices.entrySet()) {
            List<Set<String>> domains = new ArrayList<>();
            for (int device : user.getValue()) {
                if (!facts.deviceShared.get(device) && facts.deviceDomains.containsKey(device)) {
                    domains.add(facts.deviceDomains.get(device));
                }
            }
            if (domains.size() < 2) {
                continue;
            }
            Set<String> all = new java.util.HashSet<>();
            domains.forEach(all::addAll);
            long unique = 0;
            for (int i = 0; i < domains.size(); i++) {
                for (String domain : domains.get(i)) {
                    final int self = i;
                    boolean elsewhere = false;
                    for (int k = 0; k < domains.size() && !elsewhere; k++) {
                        elsewhere = k != self && domains.get(k).contains(domain);
                    }
                    unique += elsewhere ? 0 : 1;
                }
            }
            double share = (double) unique / all.size();
            assertTrue(share > 0.1 && share < 0.9, "user " + user.getKey() + ": " + share + " of domains on one only");
        }
    }

    @Test
    void sameSeedAndScaleGiveIdenticalFilesAndGzipHoldsThePlainBytes() throws IOException {
        Path first = tmp.resolve("default-1");
        Path second = tmp.resolve("default-2");
        Path plain = tmp.resolve("default-plain");
        StudyGenerator.write(first, StudyGenerator.DEFAULT_SEED, StudyGenerator.DEFAULT_SCALE, true);
        StudyGenerator.write(second, StudyGenerator.DEFAULT_SEED, StudyGenerator.DEFAULT_SCALE, true);
        StudyGenerator.write(plain, StudyGenerator.DEFAULT_SEED, StudyGenerator.DEFAULT_SCALE, false);
        for (String table : TABLES) {
            Path gz = first.resolve(table + ".csv.gz");
            assertArrayEquals(sha256(gz, false), sha256(second.resolve(table + ".csv.gz"), false), table);
            assertArrayEquals(sha256(gz, true), sha256(plain.resolve(table + ".csv"), false), table);
        }
    }

    @Test
    void halfTheScaleHalvesTheLogsAndKeepsUsersAndDevices() throws IOException {
        Path half = tmp.resolve("half");
        Map<String, Long> rows = StudyGenerator.write(half, StudyGenerator.DEFAULT_SEED, 0.5, true);
        for (String table : List.of("users", "devices", "user_devices")) {
            assertArrayEquals(sha256(full.resolve(table + ".csv.gz"), true), sha256(half.resolve(table + ".csv.gz"),
                true), table);
        }
        assertEquals(Math.round(DNS_REQUESTS * 0.5), PgCsv.countRows(half.resolve("dnsreqs.csv.gz")));
        for (String table : LOG_TABLES) {
            long counted = PgCsv.countRows(half.resolve(table + ".csv.gz"));
            assertEquals(rows.get(table), counted, table);
            assertEquals(written.get(table) / 2.0, counted, written.get(table) * 0.01 + 1, table);
        }
    }

    private List<Integer> heaviest(String country, int count) {
        return facts.userCountry.entrySet().stream().filter(e -> e.getValue().equals(country)).map(Map.Entry::getKey)
            .sorted(Comparator.comparingLong((Integer user) -> facts.personalBytes(user)).reversed())
            .limit(count).toList();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }

    private static byte[] sha256(Path file, boolean gunzip) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            InputStream in = Files.newInputStream(file);
            try (InputStream content = gunzip ? new GZIPInputStream(in) : in;
                 DigestInputStream digesting = new DigestInputStream(content, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
