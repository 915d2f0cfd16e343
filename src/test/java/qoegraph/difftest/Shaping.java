package qoegraph.difftest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * The oracle's steps after grouping, as the API docs and the Query Javadoc describe them: having, then top-N per
 * partition (the rest folded into one "Other" row per partition, its metrics computed over the folded rows),
 * then window values over the resulting groups, then the order: the query's keys, top-N placement (partition,
 * Other last, best first) and every dimension ascending, nulls last.
 */
final class Shaping {
    private final Oracle oracle;
    private final Query query;
    private final Oracle.Grouping grouping;
    private final List<SelectedDimension> dims;
    private String unstable;

    Shaping(Oracle oracle, Query query, Oracle.Grouping grouping) {
        this.oracle = oracle;
        this.query = query;
        this.grouping = grouping;
        this.dims = query.dimensions();
    }

    /** One result group: dimension values, grouped metric values by key, then window values by key. */
    private static final class Row {
        final Object[] dims;
        final Map<String, Object> grouped = new HashMap<>();
        final Map<String, Object> windowed = new HashMap<>();
        final boolean other;
        /** The grouping's group; -1 for a top-N Other row and for an empty group that includeEmpty added. */
        int group = -1;
        Object rankBy;

        Row(Object[] dims, boolean other) {
            this.dims = dims;
            this.other = other;
        }

        Object value(String metricKey) {
            return windowed.containsKey(metricKey) ? windowed.get(metricKey) : grouped.get(metricKey);
        }
    }

    Oracle.Answer answer() {
        boolean[] keep = oracle.havingKeeps(query, grouping);
        Map<String, Object[]> values = new HashMap<>();
        for (SelectedMetric m : query.metrics()) {
            values.put(m.key(), oracle.metric(m, grouping));
        }
        Object[] rankBy = query.top() == null ? null : byValues(grouping);
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < grouping.groups(); g++) {
            if (!keep[g]) {
                continue;
            }
            Row row = new Row(grouping.keys().get(g), false);
            row.group = g;
            for (SelectedMetric m : query.metrics()) {
                row.grouped.put(m.key(), values.get(m.key())[g]);
            }
            row.rankBy = rankBy == null ? null : rankBy[g];
            rows.add(row);
        }
        if (query.includeEmpty() && oracle.havingKeepsEmpty(query)) {
            rows.addAll(emptyGroups());
        }
        if (query.top() != null) {
            rows = top(rows);
        }
        for (SelectedMetric m : query.metrics()) {
            if (m.window() != null) {
                window(rows, m);
            }
        }
        List<Key> keys = sortKeys();
        rows.sort(comparator(keys));
        boolean robust = robust(rows, keys);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < dims.size(); i++) {
                map.put(dims.get(i).key(), row.dims[i]);
            }
            for (SelectedMetric m : query.metrics()) {
                map.put(m.key(), shown(m, row.value(m.key())));
            }
            out.add(map);
        }
        return new Oracle.Answer(grouping, out, robust, unstable);
    }

    /** The groups without rows that includeEmpty adds: counts and sums 0, the rest null. */
    private List<Row> emptyGroups() {
        Set<List<Object>> existing = new HashSet<>();
        grouping.keys().forEach(k -> existing.add(java.util.Arrays.asList(k)));
        List<Row> out = new ArrayList<>();
        SelectedMetric by = query.top() == null ? null : byMetric();
        for (Object[] key : new Filling(oracle, query, grouping.keys()).keys()) {
            if (existing.contains(java.util.Arrays.asList(key))) {
                continue;
            }
            Row row = new Row(key, false);
            for (SelectedMetric m : query.metrics()) {
                row.grouped.put(m.key(), oracle.empty(m));
            }
            row.rankBy = by == null ? null : oracle.empty(by);
            out.add(row);
        }
        return out;
    }

    /** A time metric (tsMin) as the API shows it: the instant in the query's zone, in UTC for PARTICIPANT. */
    private Object shown(SelectedMetric m, Object value) {
        if (!(value instanceof java.time.LocalDateTime utc) || m.window() != null && m.window().fn().isRanking()) {
            return value;
        }
        java.time.ZoneId zone = Query.PARTICIPANT.equals(query.timezone()) ? java.time.ZoneOffset.UTC
                : java.time.ZoneId.of(query.timezone());
        return utc.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(zone).toOffsetDateTime();
    }

    // ---- top-N ---------------------------------------------------------------------------------------------

    private SelectedMetric byMetric() {
        return Oracle.havingMetric(query, query.top().by());
    }

    private Object[] byValues(Oracle.Grouping g) {
        return oracle.metric(byMetric(), g);
    }

    private boolean exact(SelectedMetric m) {
        return oracle.metrics.get(m.name()).exact();
    }

    private List<Row> top(List<Row> rows) {
        Top top = query.top();
        List<Integer> partition = indices(top.partitionBy());
        Map<List<Object>, List<Row>> partitions = partitions(rows, partition);
        // the n highest, or with ASC the n lowest; missing values last either way
        Comparator<Row> best = Comparator.<Row, Object>comparing(r -> r.rankBy,
                (a, b) -> ValueOrder.compareNullsLast(a, b, !top.lowestFirst())).thenComparing(tieBreak(partition));
        List<Row> out = new ArrayList<>();
        int[] folded = new int[grouping.groups()];
        java.util.Arrays.fill(folded, -1);
        List<Object[]> otherKeys = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Row>> p : partitions.entrySet()) {
            List<Row> members = new ArrayList<>(p.getValue());
            members.sort(best);
            out.addAll(members.subList(0, Math.min(top.n(), members.size())));
            if (members.size() > top.n() && !exact(byMetric())
                    && ValueOrder.nearlyEqual(members.get(top.n() - 1).rankBy, members.get(top.n()).rankBy)) {
                unstable = "top-N cut between nearly equal values of " + top.by();
            }
            if (!top.other() || members.size() <= top.n()) {
                continue;
            }
            for (Row r : members.subList(top.n(), members.size())) {
                folded[r.group] = otherKeys.size();
            }
            Object[] key = new Object[dims.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = partition.contains(i) ? members.get(0).dims[i] : otherValue(i);
            }
            otherKeys.add(key);
        }
        if (otherKeys.isEmpty()) {
            return out;
        }
        int[] groupOf = new int[grouping.groupOf().length];
        for (int r = 0; r < groupOf.length; r++) {
            int g = grouping.groupOf()[r];
            groupOf[r] = g < 0 ? -1 : folded[g];
        }
        Oracle.Grouping others = new Oracle.Grouping(groupOf, otherKeys, 0);
        Object[] byOther = byValues(others);
        List<Row> otherRows = new ArrayList<>();
        for (int o = 0; o < otherKeys.size(); o++) {
            Row row = new Row(otherKeys.get(o), true);
            row.rankBy = byOther[o];
            otherRows.add(row);
        }
        for (SelectedMetric m : query.metrics()) {
            Object[] v = oracle.metric(m, others);
            for (int o = 0; o < otherRows.size(); o++) {
                otherRows.get(o).grouped.put(m.key(), v[o]);
            }
        }
        out.addAll(otherRows);
        return out;
    }

    /** An Other row's value of a dimension outside the top-N partition: "Other" for text, else null. */
    private Object otherValue(int i) {
        SelectedDimension d = dims.get(i);
        boolean text = oracle.table.column(d.name()).kind() == Table.Kind.STRING && d.part() == null
                && d.granularity() == null && d.bucketWidth() == null && d.logBase() == null;
        return text ? "Other" : null;
    }

    // ---- windows -------------------------------------------------------------------------------------------

    private void window(List<Row> rows, SelectedMetric m) {
        Window w = m.window();
        List<Integer> partition = indices(w.partitionBy());
        boolean exact = exact(m);
        for (List<Row> members : partitions(rows, partition).values()) {
            List<Row> sorted = new ArrayList<>(members);
            Comparator<Row> order;
            if (w.fn().isRanking()) {
                Comparator<Row> byValue = Comparator.comparing(r -> r.grouped.get(m.key()),
                        (a, b) -> ValueOrder.compareNullsLast(a, b, !w.lowestFirst()));
                order = w.fn() == WindowFunction.ROW_NUMBER ? byValue.thenComparing(tieBreak(partition)) : byValue;
                sorted.sort(order);
                rank(sorted, m, exact);
            } else {
                order = running(partition);
                sorted.sort(order);
                run(sorted, m, w);
            }
            for (int i = 1; i < sorted.size() && w.fn() != WindowFunction.RANK && w.fn() != WindowFunction.DENSE_RANK
                    && w.fn() != WindowFunction.SHARE; i++) {
                if (order.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                    // only a top-N Other row can tie with a group: its non-text dimensions are null
                    unstable = "rows tie in the order of " + w.fn() + " over " + m.key();
                }
            }
        }
    }

    private void rank(List<Row> sorted, SelectedMetric m, boolean exact) {
        int dense = 0;
        int rank = 0;
        Object previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Object v = sorted.get(i).grouped.get(m.key());
            boolean tie = i > 0 && ValueOrder.compareNullsLast(previous, v, false) == 0;
            if (!tie) {
                rank = i + 1;
                dense++;
            }
            if (i > 0 && !exact && ValueOrder.nearlyEqual(previous, v)) {
                unstable = "ranks among nearly equal values of " + m.key();
            }
            long value = switch (m.window().fn()) {
                case RANK -> rank;
                case DENSE_RANK -> dense;
                default -> i + 1;
            };
            sorted.get(i).windowed.put(m.key(), value);
            previous = v;
        }
    }

    private void run(List<Row> sorted, SelectedMetric m, Window w) {
        List<Object> v = sorted.stream().map(r -> r.grouped.get(m.key())).toList();
        Object total = sum(v);
        for (int i = 0; i < sorted.size(); i++) {
            Object value = v.get(i);
            Object previous = i == 0 ? null : v.get(i - 1);
            Object out;
            switch (w.fn()) {
                case SHARE:
                    out = divide(value, total);
                    break;
                case CUMULATIVE_SUM:
                    out = sum(v.subList(0, i + 1));
                    break;
                case CUMULATIVE_SHARE:
                    out = divide(sum(v.subList(0, i + 1)), total);
                    break;
                case MOVING_AVERAGE:
                    out = mean(v.subList(Math.max(0, i - w.size() + 1), i + 1));
                    break;
                case DIFFERENCE:
                    out = value == null || previous == null ? null : subtract(value, previous);
                    break;
                default: // PERCENT_CHANGE
                    out = value == null || previous == null || ((Number) previous).doubleValue() == 0 ? null
                            : ((Number) subtract(value, previous)).doubleValue() / ((Number) previous).doubleValue();
            }
            sorted.get(i).windowed.put(m.key(), out);
        }
    }

    /** Sum of the non-null values, a Long for longs; null when there are none. */
    private static Object sum(List<Object> values) {
        boolean any = false;
        boolean integral = true;
        long longSum = 0;
        List<Double> doubles = new ArrayList<>();
        for (Object o : values) {
            if (o == null) {
                continue;
            }
            any = true;
            if (o instanceof Long l) {
                longSum = Math.addExact(longSum, l);
            } else {
                integral = false;
            }
            doubles.add(((Number) o).doubleValue());
        }
        if (!any) {
            return null;
        }
        return integral ? (Object) longSum : (Object) Oracle.neumaier(doubles.stream().mapToDouble(d -> d).toArray());
    }

    private static Object mean(List<Object> values) {
        Object sum = sum(values);
        long n = values.stream().filter(o -> o != null).count();
        return sum == null ? null : ((Number) sum).doubleValue() / n;
    }

    private static Object divide(Object a, Object b) {
        if (a == null || b == null || ((Number) b).doubleValue() == 0) {
            return null;
        }
        return ((Number) a).doubleValue() / ((Number) b).doubleValue();
    }

    private static Object subtract(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Math.subtractExact(x, y);
        }
        return ((Number) a).doubleValue() - ((Number) b).doubleValue();
    }

    /**
     * The order running windows follow: the first selected time dimension outside the partition, else the
     * query's order keys (grouped values, not windowed ones), then a top-N Other row after the groups, then
     * the other dimensions ascending.
     */
    private Comparator<Row> running(List<Integer> partition) {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            if (!partition.contains(i) && oracle.table.column(dims.get(i).name()).kind() == Table.Kind.TIME) {
                int index = i;
                keys.add(new Key(r -> r.dims[index], false, false));
                break;
            }
        }
        if (keys.isEmpty()) {
            for (OrderBy o : query.orderBy()) {
                Optional<SelectedMetric> metric = orderedMetric(o.key());
                if (metric.isPresent() && metric.get().window() != null) {
                    continue;
                }
                keys.add(metric.isPresent() ? metricKey(metric.get(), o, false)
                        : dimensionKey(dimensionIndex(o.key()), o));
            }
        }
        if (query.top() != null && query.top().other()) {
            keys.add(new Key(r -> r.other, false, false)); // Other after the groups, as the result shows it
        }
        Comparator<Row> c = comparator(keys);
        return (a, b) -> {
            int r = c.compare(a, b);
            if (r == 0) {
                r = tieBreak(partition).compare(a, b);
            }
            if (r != 0 && nearlyTied(keys, a, b)) {
                unstable = "running order between nearly equal values";
            }
            return r;
        };
    }

    private Comparator<Row> tieBreak(List<Integer> partition) {
        return (a, b) -> {
            for (int i = 0; i < dims.size(); i++) {
                if (!partition.contains(i)) {
                    int c = ValueOrder.compareNullsLast(a.dims[i], b.dims[i], false);
                    if (c != 0) {
                        return c;
                    }
                }
            }
            return 0;
        };
    }

    // ---- order ---------------------------------------------------------------------------------------------

    /** A sort key: a row's value, the direction (nulls last either way), and whether rounding may move it. */
    private record Key(Function<Row, Object> value, boolean descending, boolean inexact) {
    }

    private List<Key> sortKeys() {
        List<Key> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (OrderBy o : query.orderBy()) {
            Optional<SelectedMetric> metric = orderedMetric(o.key());
            String id = metric.map(m -> "m:" + m.key()).orElseGet(() -> "d:" + dimensionIndex(o.key()));
            if (used.add(id)) {
                keys.add(metric.isPresent() ? metricKey(metric.get(), o, true)
                        : dimensionKey(dimensionIndex(o.key()), o));
            }
        }
        Top top = query.top();
        if (top != null) {
            boolean explicit = !query.orderBy().isEmpty();
            for (int i : indices(top.partitionBy())) {
                if (!explicit && used.add("d:" + i)) {
                    keys.add(new Key(r -> r.dims[i], false, false));
                }
            }
            if (top.other()) {
                keys.add(new Key(r -> r.other, false, false));
            }
            if (!explicit) {
                keys.add(new Key(r -> r.rankBy, !top.lowestFirst(), !exact(byMetric())));
            }
        }
        for (int i = 0; i < dims.size(); i++) {
            int index = i;
            if (used.add("d:" + i)) {
                keys.add(new Key(r -> r.dims[index], false, false));
            }
        }
        return keys;
    }

    private Key metricKey(SelectedMetric m, OrderBy o, boolean windowedValue) {
        boolean inexact = !exact(m) || windowedValue && m.window() != null && !m.window().fn().isRanking()
                && !(m.window().fn() == WindowFunction.CUMULATIVE_SUM || m.window().fn() == WindowFunction.DIFFERENCE);
        return new Key(windowedValue ? r -> r.value(m.key()) : r -> r.grouped.get(m.key()),
                o.direction() == OrderBy.Direction.DESC, inexact);
    }

    private static Key dimensionKey(int i, OrderBy o) {
        return new Key(r -> r.dims[i], o.direction() == OrderBy.Direction.DESC, false);
    }

    private static Comparator<Row> comparator(List<Key> keys) {
        return (a, b) -> {
            for (Key k : keys) {
                int c = ValueOrder.compareNullsLast(k.value().apply(a), k.value().apply(b), k.descending());
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Whether some neighbours are ordered by doubles the engine may round the other way. */
    private static boolean robust(List<Row> rows, List<Key> keys) {
        for (int i = 1; i < rows.size(); i++) {
            if (nearlyTied(keys, rows.get(i - 1), rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first key that could separate a and b is an inexact double on which they nearly tie. */
    private static boolean nearlyTied(List<Key> keys, Row a, Row b) {
        for (Key k : keys) {
            Object x = k.value().apply(a);
            Object y = k.value().apply(b);
            if (k.inexact() && ValueOrder.nearlyEqual(x, y)) {
                return true;
            }
            if (ValueOrder.compareNullsLast(x, y, false) != 0) {
                return false;
            }
        }
        return false;
    }

    // ---- names ---------------------------------------------------------------------------------------------

    /** An order key's metric: a selected metric with that key, unless a dimension has that key. */
    private Optional<SelectedMetric> orderedMetric(String key) {
        Optional<SelectedDimension> dim = query.findDimension(key);
        Optional<SelectedMetric> metric = query.findMetric(key);
        if (dim.isPresent() && (metric.isEmpty() || dim.get().key().equals(key))) {
            return Optional.empty();
        }
        return metric;
    }

    private int dimensionIndex(String keyOrName) {
        return dims.indexOf(query.findDimension(keyOrName).orElseThrow());
    }

    private List<Integer> indices(List<String> keysOrNames) {
        return keysOrNames.stream().map(this::dimensionIndex).toList();
    }

    private Map<List<Object>, List<Row>> partitions(List<Row> rows, List<Integer> partition) {
        Map<List<Object>, List<Row>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Object> key = new ArrayList<>();
            partition.forEach(i -> key.add(r.dims[i]));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
