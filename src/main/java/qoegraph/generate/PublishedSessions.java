package qoegraph.generate;

import java.util.List;

/** The Streamroot sessions file's published figures (docs/architecture.md, "The datasets"), typed in once. */
final class PublishedSessions {

    static final String HEADER = "#stream,isp,browser,connected,p2p,cdn";

    static final int ROWS = 534_954;
    static final int NOT_CONNECTED = 49_201;
    static final int ZERO_P2P_ROWS = 189_917;
    static final long LARGE_BYTES = 100_000_000L;

    static final List<StreamTarget> STREAMS = List.of(
            new StreamTarget(1, 100_000, 97.314, 0.578957, 300_000),
            new StreamTarget(2, 50_000, 96.804, 0.560373, 200_000),
            new StreamTarget(3, 100_000, 96.915, 0.059510, 200_000),
            new StreamTarget(4, 50_000, 96.548, 0.053937, 100_000_000),
            new StreamTarget(5, 50_000, 92.036, 0.253002, 200_000),
            new StreamTarget(6, 25_000, 97.004, 0.260744, 200_000),
            new StreamTarget(7, 80_000, 61.53125, 0.366369, 200_000),
            new StreamTarget(8, 50_000, 97.454, 0.318345, 100_000_000),
            new StreamTarget(9, 29_954, 88.89297, 0.452496, 10_000));

    static final List<CategoryTarget> ISPS = List.of(
            new CategoryTarget("Fro", 149_789, 7_524, 0.343874),
            new CategoryTarget("Arange", 165_341, 1_641, 0.303336),
            new CategoryTarget("BTP", 130_317, 138, 0.441997),
            new CategoryTarget("Datch Telecam", 45_655, 36_415, 0.112094),
            new CategoryTarget("Olga", 43_852, 3_483, 0.185440));

    static final List<CategoryTarget> BROWSERS = List.of(
            new CategoryTarget("Iron", 217_246, 22_846, 0.335398),
            new CategoryTarget("EarthWolf", 283_311, 24_076, 0.339323),
            new CategoryTarget("Vectrice", 20_970, 991, 0.004848),
            new CategoryTarget("Swamp", 13_427, 1_288, 0.254125));

    /** Same order as {@link #BROWSERS}. */
    static final List<LargeViewerTarget> LARGE_VIEWERS = List.of(
            new LargeViewerTarget("Iron", 15_700, 2_976),
            new LargeViewerTarget("EarthWolf", 28_076, 2_058),
            new LargeViewerTarget("Vectrice", 4, 793),
            new LargeViewerTarget("Swamp", 174, 184));

    /** The real file ends inside this row: its cdn is empty and no newline follows. */
    static final int CUT_OFF_STREAM = 9;
    static final String CUT_OFF_ISP = "BTP";
    static final String CUT_OFF_BROWSER = "EarthWolf";
    static final long CUT_OFF_P2P_MICROS = 6_100_582_815L;

    private PublishedSessions() {
    }

    static int ispIndex(String name) {
        return indexOf(ISPS, name);
    }

    static int browserIndex(String name) {
        return indexOf(BROWSERS, name);
    }

    private static int indexOf(List<CategoryTarget> targets, String name) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown category " + name);
    }
}
