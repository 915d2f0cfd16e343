package qoegraph.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the generated file against the figures published for the real one, typed in again from
 * the publications (deliberately not taken from the generator): counts exactly, means within 2%. The
 * statements of the original analysis (README: The sample data) that no published figure contradicts hold as well.
 */
class SessionsGeneratorTest {

    private static final double TOLERANCE = 0.02;

    /** Figures of one group: rows, connected rows, mean per-row p2p fraction. */
    private record Group(String name, long rows, long connected, double meanFraction) {
    }

    private static final List<Group> STREAMS = List.of(
            new Group("1", 100_000, 97_314, 0.578957),
            new Group("2", 50_000, 48_402, 0.560373),
            new Group("3", 100_000, 96_915, 0.059510),
            new Group("4", 50_000, 48_274, 0.053937),
            new Group("5", 50_000, 46_018, 0.253002),
            new Group("6", 25_000, 24_251, 0.260744),
            new Group("7", 80_000, 49_225, 0.366369),
            new Group("8", 50_000, 48_727, 0.318345),
            new Group("9", 29_954, 26_627, 0.452496));
    private static final List<Group> ISPS = List.of(
            new Group("Arange", 165_341, 165_341 - 1_641, 0.303336),
            new Group("Fro", 149_789, 149_789 - 7_524, 0.343874),
            new Group("BTP", 130_317, 130_317 - 138, 0.441997),
            new Group("Datch Telecam", 45_655, 45_655 - 36_415, 0.112094),
            new Group("Olga", 43_852, 43_852 - 3_483, 0.185440));
    private static final List<Group> BROWSERS = List.of(
            new Group("EarthWolf", 283_311, 283_311 - 24_076, 0.339323),
            new Group("Iron", 217_246, 217_246 - 22_846, 0.335398),
            new Group("Vectrice", 20_970, 20_970 - 991, 0.004848),
            new Group("Swamp", 13_427, 13_427 - 1_288, 0.254125));
    /** Viewers over 100 MB: with p2p > 0, CDN only. */
    private static final Map<String, long[]> LARGE = Map.of(
            "Iron", new long[] {15_700, 2_976},
            "EarthWolf", new long[] {28_076, 2_058},
            "Vectrice", new long[] {4, 793},
            "Swamp", new long[] {174, 184});
    /** "About" figures of stream 7's ISP mix. */
    private static final Map<String, Long> STREAM_7_MIX = Map.of(
            "Datch Telecam", 37_000L, "BTP", 23_000L, "Fro", 18_500L, "Olga", 500L, "Arange", 500L);
    private static final String CUT_OFF_LINE = "9,BTP,EarthWolf,true,6100.582815,";
    /** "Olga ... 34% of the users are actually downloading through peer to peer": within a percentage point. */
    private static final double OLGA_WITH_P2P_SHARE = 0.34;
    /** "BTP has the highest number of users (around 17,500)" over 100 MB: within 5%. */
    private static final long BTP_OVER_100_MB = 17_500;

    @TempDir
    static Path dir;
    private static Path scaleOne;
    private static SessionsCsvStats stats;

    @BeforeAll
    static void generateScaleOne() throws IOException {
        scaleOne = dir.resolve("sessions.csv");
        assertEquals(534_954, SessionsGenerator.write(scaleOne, SessionsGenerator.DEFAULT_SEED, 1));
        stats = SessionsCsvStats.read(scaleOne);
    }

    @Test
    void writesThePublishedLayoutWithTheCutOffLastLine() {
        assertEquals("#stream,isp,browser,connected,p2p,cdn", stats.header);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), stats.streamOrder);
        assertEquals(CUT_OFF_LINE, stats.lastLine);
        assertFalse(stats.endsWithNewline, "no newline after the cut-off line");
        assertFalse(stats.hasCarriageReturn);
        assertEquals(0, stats.malformedLines);
        assertEquals(1, stats.rowsWithoutCdn, "only the last line is cut off");
    }

    @Test
    void hitsEveryPublishedCountExactly() {
        assertCounts(stats, 1);
        assertEquals(STREAM_7_MIX.keySet(), stats.stream7Isps.keySet());
        STREAM_7_MIX.forEach((isp, about) -> assertWithin(about, stats.stream7Isps.get(isp), "stream 7 " + isp));
    }

    @Test
    void hitsEveryPublishedMeanWithinTwoPercent() {
        assertMeans(stats);
    }

    @Test
    void olgaHas34PercentOfItsViewersWithP2p() {
        SessionsCsvStats.Tally olga = stats.byIsp.get("Olga");
        assertEquals(OLGA_WITH_P2P_SHARE, olga.withP2pShare(), 0.01, "share of Olga's viewers with p2p > 0");
        assertEquals(0.92, (double) olga.connected() / olga.rows, 0.005, "Olga's connected share");
        assertWithin(0.185440, olga.meanFraction(), "Olga mean p2p fraction");
    }

    /** Over 100 MB, BTP has the most viewers, about 17,500: among those with p2p > 0 and among them all. */
    @Test
    void btpHasTheMostViewersOver100Megabytes() {
        assertEquals(ISPS.stream().map(Group::name).collect(Collectors.toSet()), stats.largeByIsp.keySet());
        Map<String, Long> withP2p = new TreeMap<>();
        Map<String, Long> all = new TreeMap<>();
        stats.largeByIsp.forEach((isp, split) -> {
            withP2p.put(isp, split[0]);
            all.put(isp, split[0] + split[1]);
        });
        for (Map<String, Long> byIsp : List.of(withP2p, all)) {
            String most = Collections.max(byIsp.entrySet(), Map.Entry.comparingByValue()).getKey();
            assertEquals("BTP", most, "ISP with the most viewers over 100 MB: " + byIsp);
            assertEquals(BTP_OVER_100_MB, byIsp.get("BTP"), 0.05 * BTP_OVER_100_MB, "BTP over 100 MB: " + byIsp);
        }
    }

    /**
     * Two more statements of the analysis, which the sample kept before and must keep beside BTP's: over 100 MB,
     * Datch Telecam has the fewest viewers with P2P, and Olga the fewest with the CDN only.
     */
    @Test
    void datchTelecamAndOlgaHaveTheFewestViewersOver100Megabytes() {
        Map.Entry<String, long[]> fewestWithP2p = Collections.min(stats.largeByIsp.entrySet(),
                Comparator.comparingLong(e -> e.getValue()[0]));
        Map.Entry<String, long[]> fewestCdnOnly = Collections.min(stats.largeByIsp.entrySet(),
                Comparator.comparingLong(e -> e.getValue()[1]));
        assertEquals("Datch Telecam", fewestWithP2p.getKey(), "fewest over 100 MB with p2p > 0");
        assertEquals("Olga", fewestCdnOnly.getKey(), "fewest over 100 MB with CDN only");
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        Path again = dir.resolve("again.csv");
        Path other = dir.resolve("other.csv");
        SessionsGenerator.write(again, SessionsGenerator.DEFAULT_SEED, 1);
        SessionsGenerator.write(other, SessionsGenerator.DEFAULT_SEED + 1, 1);
        assertEquals(sha256(scaleOne), sha256(again));
        assertNotEquals(sha256(scaleOne), sha256(other));
    }

    @Test
    void scaleTwoDoublesEveryCount() throws IOException {
        Path doubled = dir.resolve("sessions-x2.csv");
        assertEquals(2 * 534_954, SessionsGenerator.write(doubled, SessionsGenerator.DEFAULT_SEED, 2));
        SessionsCsvStats x2 = SessionsCsvStats.read(doubled);
        assertCounts(x2, 2);
        stats.stream7Isps.forEach((isp, n) -> assertEquals(2 * n, x2.stream7Isps.get(isp), "stream 7 " + isp));
        stats.largeByIsp.forEach((isp, n) -> assertArrayEquals(new long[] {2 * n[0], 2 * n[1]}, x2.largeByIsp.get(isp),
                isp + " over 100 MB"));
        stats.byIsp.forEach((isp, t) -> assertEquals(2 * t.withP2p, x2.byIsp.get(isp).withP2p, isp + " with p2p"));
        assertMeans(x2);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), x2.streamOrder);
        assertEquals(CUT_OFF_LINE, x2.lastLine);
        assertEquals(1, x2.rowsWithoutCdn);
        assertFalse(x2.endsWithNewline);
    }

    private static void assertCounts(SessionsCsvStats s, long scale) {
        assertEquals(scale * 534_954, s.rows, "rows");
        assertEquals(scale * 485_753, s.connected.rows, "connected");
        assertEquals(scale * 49_201, s.notConnected.rows, "not connected");
        assertEquals(0, s.notConnectedWithP2p, "not connected rows with p2p");
        assertEquals(scale * 189_917, s.zeroP2p, "rows with p2p = 0");
        assertGroupCounts(STREAMS, s.byStream, scale);
        assertGroupCounts(ISPS, s.byIsp, scale);
        assertGroupCounts(BROWSERS, s.byBrowser, scale);
        assertEquals(LARGE.keySet(), s.largeWithP2pAndCdnOnly.keySet());
        LARGE.forEach((browser, published) -> {
            long[] measured = s.largeWithP2pAndCdnOnly.get(browser);
            assertEquals(scale * published[0], measured[0], browser + " over 100 MB with p2p");
            assertEquals(scale * published[1], measured[1], browser + " over 100 MB CDN only");
        });
    }

    private static void assertGroupCounts(List<Group> published, Map<String, SessionsCsvStats.Tally> measured,
            long scale) {
        assertEquals(published.size(), measured.size());
        for (Group g : published) {
            assertEquals(scale * g.rows(), measured.get(g.name()).rows, g.name() + " rows");
            assertEquals(scale * g.connected(), measured.get(g.name()).connected(), g.name() + " connected");
        }
    }

    private static void assertMeans(SessionsCsvStats s) {
        assertGroupMeans(STREAMS, s.byStream);
        assertGroupMeans(ISPS, s.byIsp);
        assertGroupMeans(BROWSERS, s.byBrowser);
        assertWithin(0.355143, s.connected.meanFraction(), "connected");
        assertEquals(0.0, s.notConnected.meanFraction(), "not connected");
        assertWithin(20.1386e6, s.connectedBytes / s.connected.fractionRows, "connected bytes");
        assertWithin(6.2766e6, s.notConnectedBytes / s.notConnected.fractionRows, "not connected bytes");
    }

    private static void assertGroupMeans(List<Group> published, Map<String, SessionsCsvStats.Tally> measured) {
        for (Group g : published) {
            assertWithin(g.meanFraction(), measured.get(g.name()).meanFraction(), g.name() + " mean p2p fraction");
        }
    }

    private static void assertWithin(double published, double measured, String what) {
        assertTrue(Math.abs(measured / published - 1) <= TOLERANCE,
                what + ": measured " + measured + ", published " + published);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
