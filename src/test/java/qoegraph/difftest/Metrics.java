package qoegraph.difftest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * What each metric of the sessions and traffic datasets means, written from the API docs and docs/architecture.md in
 * plain Java over a {@link Table}'s rows: the oracle's side of the comparison. Nothing here reads the
 * model's YAML or SQL.
 */
final class Metrics {
    private Metrics() {
    }

    /** How a metric aggregates; {@code value} gives a row's input (a Number, or null to leave the row out). */
    sealed interface Agg permits Count, CountIf, Sum, Avg, Min, Max, Stddev, Quantile, CountDistinct, Ratio,
            TimeExtreme {
    }

    /** The earliest ({@code max} false) or latest time, a naive UTC time; null over no times. */
    record TimeExtreme(IntFunction<java.time.LocalDateTime> value, boolean max) implements Agg {
    }

    record Count() implements Agg {
    }

    /** Rows whose test is true (a null input counts as not true). */
    record CountIf(IntPredicate test) implements Agg {
    }

    /** Sum of the non-null inputs; null when there are none. Integral sums are Long, others Double. */
    record Sum(IntFunction<Number> value, boolean integral) implements Agg {
    }

    record Avg(IntFunction<Number> value) implements Agg {
    }

    record Min(IntFunction<Number> value, Table.Kind kind) implements Agg {
    }

    record Max(IntFunction<Number> value, Table.Kind kind) implements Agg {
    }

    /** Sample standard deviation; null under two inputs. */
    record Stddev(IntFunction<Number> value) implements Agg {
    }

    /** Continuous quantile (linear interpolation between the two nearest ranks); q fixed, or given by the query. */
    record Quantile(IntFunction<Number> value, Double q) implements Agg {
    }

    /** Distinct non-null inputs. */
    record CountDistinct(IntFunction<Object> value) implements Agg {
    }

    /** numerator / denominator as a double; null when the denominator is 0 or null. */
    record Ratio(String numerator, String denominator) implements Agg {
    }

    /**
     * @param exact whether the engine and the oracle must get the very same double (no rounding differs:
     *        counts, integer sums, min / max, ratios of counts); inexact values compare within 1e-9
     */
    record Def(String name, Agg agg, boolean exact) {
        boolean takesQ() {
            return agg instanceof Quantile q && q.q() == null;
        }

        /** A time (tsMin): ordered and ranked, never summed. */
        boolean time() {
            return agg instanceof TimeExtreme;
        }

        /** Whether the parts of a group add up to its whole: what a share can take a part of. */
        boolean additive() {
            return agg instanceof Count || agg instanceof CountIf || agg instanceof Sum;
        }

        /** The value over no rows: 0 for counts and sums, null otherwise. */
        Object empty() {
            if (agg instanceof Count || agg instanceof CountIf || agg instanceof CountDistinct) {
                return 0L;
            }
            return agg instanceof Sum s ? (s.integral() ? (Object) 0L : (Object) 0.0) : null;
        }
    }

    static Map<String, Def> sessions(Table t) {
        Object[] connected = t.column("connected").values();
        Object[] p2p = t.column("p2p").values();
        Object[] cdn = t.column("cdn").values();
        Object[] total = t.column("total").values();
        Map<String, Def> m = new LinkedHashMap<>();
        put(m, "count", new Count(), true);
        put(m, "connectedCount", new CountIf(r -> Boolean.TRUE.equals(connected[r])), true);
        put(m, "connectedShare", new Ratio("connectedCount", "count"), true);
        put(m, "p2pBytes", new Sum(r -> (Double) p2p[r], false), false);
        put(m, "cdnBytes", new Sum(r -> (Double) cdn[r], false), false);
        put(m, "totalBytes", new Sum(r -> orZero(p2p[r]) + orZero(cdn[r]), false), false);
        put(m, "p2pShare", new Ratio("p2pBytes", "totalBytes"), false);
        put(m, "meanP2pFraction", new Avg(r -> {
            // a viewer's fraction needs both parts: the cut-off row without cdn is left out, as are viewers without bytes
            Double all = (Double) total[r];
            return p2p[r] == null || cdn[r] == null || all == 0 ? null : (Double) p2p[r] / all;
        }), false);
        put(m, "p2pViewerCount", new CountIf(r -> p2p[r] != null && (Double) p2p[r] > 0), true);
        put(m, "noP2pViewerCount", new CountIf(r -> p2p[r] != null && (Double) p2p[r] == 0), true);
        put(m, "noP2pViewerShare", new Ratio("noP2pViewerCount", "count"), true);
        put(m, "avgTotalBytes", new Avg(r -> (Double) total[r]), false);
        for (String d : List.of("p2p", "cdn", "total")) {
            distribution(m, t.column(d));
        }
        return m;
    }

    static Map<String, Def> traffic(Table t) {
        Map<String, Def> m = new LinkedHashMap<>();
        put(m, "count", new Count(), true);
        for (String c : List.of("bytesIn", "bytesOut", "packetsIn", "packetsOut")) {
            Object[] v = t.column(c).values();
            put(m, c, new Sum(r -> (Long) v[r], true), true);
        }
        Object[] binBytes = t.column("binBytes").values();
        put(m, "bytes", new Sum(r -> (Long) binBytes[r], true), true);
        Object[] packetsIn = t.column("packetsIn").values();
        Object[] packetsOut = t.column("packetsOut").values();
        put(m, "packets", new Sum(r -> packetsIn[r] == null || packetsOut[r] == null ? null
                : (Long) packetsIn[r] + (Long) packetsOut[r], true), true);
        put(m, "flows", distinct(t, "flowId"), true);
        put(m, "distinctDstIps", distinct(t, "dstIp"), true);
        put(m, "devices", distinct(t, "devId"), true);
        put(m, "users", distinct(t, "userId"), true);
        for (String d : List.of("packetsIn", "bytesIn", "packetsOut", "bytesOut", "binBytes")) {
            distribution(m, t.column(d));
        }
        times(m, t.column("ts"));
        return m;
    }

    static Map<String, Def> dns(Table t) {
        Object[] userReq = t.column("userReq").values();
        Object[] duplicate = t.column("duplicate").values();
        Map<String, Def> m = new LinkedHashMap<>();
        put(m, "count", new Count(), true);
        put(m, "distinctQueries", distinct(t, "query"), true);
        put(m, "distinctDomains", distinct(t, "queryDomain"), true);
        // userReq AND NOT duplicate, counted when true (a null in either never makes it true)
        put(m, "userRequests", new CountIf(r -> Boolean.TRUE.equals(userReq[r]) && Boolean.FALSE.equals(duplicate[r])),
                true);
        put(m, "devices", distinct(t, "devId"), true);
        put(m, "users", distinct(t, "userId"), true);
        times(m, t.column("ts"));
        return m;
    }

    /** A time column's first and last time: {@code tsMin}, {@code tsMax}. */
    private static void times(Map<String, Def> m, Table.Column column) {
        Object[] v = column.values();
        put(m, column.name() + "Min", new TimeExtreme(r -> (java.time.LocalDateTime) v[r], false), true);
        put(m, column.name() + "Max", new TimeExtreme(r -> (java.time.LocalDateTime) v[r], true), true);
    }

    /** The Min, Max, Avg, Stddev, Median and Quantile of a {@code distribution: true} dimension. */
    private static void distribution(Map<String, Def> m, Table.Column column) {
        Object[] v = column.values();
        IntFunction<Number> value = r -> (Number) v[r];
        put(m, column.name() + "Min", new Min(value, column.kind()), true);
        put(m, column.name() + "Max", new Max(value, column.kind()), true);
        put(m, column.name() + "Avg", new Avg(value), false);
        put(m, column.name() + "Stddev", new Stddev(value), false);
        put(m, column.name() + "Median", new Quantile(value, 0.5), false);
        put(m, column.name() + "Quantile", new Quantile(value, null), false);
    }

    private static Agg distinct(Table t, String column) {
        Object[] v = t.column(column).values();
        return new CountDistinct(r -> v[r]);
    }

    private static double orZero(Object v) {
        return v == null ? 0 : (Double) v;
    }

    private static void put(Map<String, Def> m, String name, Agg agg, boolean exact) {
        m.put(name, new Def(name, agg, exact));
    }
}
