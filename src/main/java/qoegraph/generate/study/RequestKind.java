package qoegraph.generate.study;

/**
 * What an HTTP request fetched: content type, typical response size, and whether a content-type filter
 * (images, scripts, style sheets, fonts, media) drops it from the requests a person asked for.
 */
enum RequestKind {
    PAGE("text/html", 45_000, false),
    IMAGE("image/jpeg", 18_000, true),
    SCRIPT("application/javascript", 35_000, true),
    STYLE("text/css", 12_000, true),
    JSON("application/json", 2_500, false),
    FONT("application/font-woff", 40_000, true),
    VIDEO("video/mp2t", 600_000, true),
    PIXEL("image/gif", 43, true),
    TEXT("text/plain", 800, false),
    BINARY("application/octet-stream", 150_000, false),
    CHECK(null, 0, false);

    final String mime;
    final long medianSize;
    final boolean filteredType;

    RequestKind(String mime, long medianSize, boolean filteredType) {
        this.mime = mime;
        this.medianSize = medianSize;
        this.filteredType = filteredType;
    }

    private static final RequestKind[] WEB = {PAGE, IMAGE, SCRIPT, STYLE, JSON, FONT, VIDEO, TEXT};
    private static final double[] WEB_SHARES = Seeds.cumulative(new double[] {.22, .35, .12, .06, .15, .03, .02, .05});
    private static final RequestKind[] CDN = {IMAGE, SCRIPT, STYLE, VIDEO, FONT, JSON};
    private static final double[] CDN_SHARES = Seeds.cumulative(new double[] {.5, .2, .08, .12, .05, .05});
    private static final RequestKind[] AD = {SCRIPT, IMAGE, PAGE, JSON};
    private static final double[] AD_SHARES = Seeds.cumulative(new double[] {.4, .3, .2, .1});
    private static final RequestKind[] TRACKER = {PIXEL, SCRIPT, JSON};
    private static final double[] TRACKER_SHARES = Seeds.cumulative(new double[] {.6, .25, .15});
    private static final RequestKind[] BETTING = {PAGE, IMAGE, SCRIPT};
    private static final double[] BETTING_SHARES = Seeds.cumulative(new double[] {.5, .3, .2});
    private static final RequestKind[] SYSTEM = {JSON, BINARY, CHECK, TEXT};
    private static final double[] SYSTEM_SHARES = Seeds.cumulative(new double[] {.55, .3, .1, .05});

    static RequestKind draw(Host host, java.util.SplittableRandom rng) {
        String name = host.name();
        if (name.startsWith("connectivitycheck") || name.startsWith("captive") || name.contains("msftncsi")) {
            return CHECK;
        }
        return switch (host.category()) {
            case WEB -> WEB[Seeds.pick(rng, WEB_SHARES)];
            case CDN -> CDN[Seeds.pick(rng, CDN_SHARES)];
            case AD -> AD[Seeds.pick(rng, AD_SHARES)];
            case TRACKER -> TRACKER[Seeds.pick(rng, TRACKER_SHARES)];
            case BLACKLIST -> BETTING[Seeds.pick(rng, BETTING_SHARES)];
            default -> SYSTEM[Seeds.pick(rng, SYSTEM_SHARES)];
        };
    }
}
