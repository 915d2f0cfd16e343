package qoegraph.bench;

import qoegraph.query.Granularity;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;

import java.util.List;
import java.util.Map;

/**
 * The fixed queries the benchmark and the load test send: one of each kind a front end asks (rollup-served,
 * base-table group-by, window, top-N, quantile, filtered study query), and the queries timed from a rollup and
 * from the base table.
 */
final class QueryMix {
    private QueryMix() {
    }

    /** @param root the root field, whose extensions say what served it */
    record MixQuery(String name, String root, String graphql) {
        LoadRunner.Request request() {
            return new LoadRunner.Request(name, graphql, Map.of());
        }

        /** The same query asking for its SQL in the extensions. */
        String withDebug() {
            int open = graphql.indexOf(root) + root.length();
            return graphql.charAt(open) == '('
                    ? graphql.substring(0, open + 1) + "debug: true, " + graphql.substring(open + 1)
                    : graphql.substring(0, open) + "(debug: true)" + graphql.substring(open);
        }
    }

    static final List<MixQuery> QUERIES = List.of(
            new MixQuery("rollup: P2P share by stream and ISP", "sessions",
                    "{ sessions { stream isp count p2pShare } }"),
            new MixQuery("base group-by: ISP x browser, filtered on a row column", "sessions",
                    "{ sessions(where: {total: {gt: 0}}) { isp browser count totalBytes p2pShare } }"),
            new MixQuery("window: share and rank of ISPs within each stream", "sessions",
                    "{ sessions { stream isp totalBytes share: totalBytes(window: {fn: SHARE, partitionBy: [stream]})"
                            + " rank: totalBytes(window: {fn: RANK, partitionBy: [stream]}) } }"),
            new MixQuery("top-N: 3 ISPs per stream plus Other", "sessions",
                    "{ sessions(top: {n: 3, by: totalBytes, partitionBy: [stream], other: true}) { stream isp totalBytes } }"),
            new MixQuery("quantile: median and p95 of bytes per ISP", "sessions",
                    "{ sessions { isp median: totalMedian p95: totalQuantile(q: 0.95) } }"),
            new MixQuery("study: fr phones on ports 80/443, bytes and flows per device and place", "traffic",
                    "{ traffic(where: {country: {eq: \"fr\"}, devtype: {eq: \"phone\"}, dstPort: {in: [80, 443]}})"
                            + " { deviceId location bytes flows } }"));

    /** A query timed twice over JDBC: planned with the rollups, and planned without. */
    record Comparison(String name, Query query) {
    }

    static final List<Comparison> ROLLUP_VS_BASE = List.of(
            new Comparison("sessions: count, P2P share by stream x ISP x browser", Query.newQuery("sessions")
                    .dimensions("stream", "isp", "browser").metrics("count", "p2pShare").build()),
            new Comparison("traffic: bytes per day and country", Query.newQuery("traffic")
                    .dimension(SelectedDimension.dimension("ts").granularity(Granularity.DAY))
                    .dimension(SelectedDimension.dimension("country"))
                    .metric(SelectedMetric.metric("bytes")).build()));
}
