package qoegraph.difftest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import qoegraph.query.Query;

/**
 * Compares the engine's rows with the oracle's: as multisets keyed by the dimension values, or in order.
 * Dimension values and integral metrics must be equal (same Java type too); doubles within a relative 1e-9.
 */
final class ResultDiff {
    static final double RELATIVE = 1e-9;

    private final Query query;
    private final Map<String, Metrics.Def> metrics;
    private final List<String> problems = new ArrayList<>();

    ResultDiff(Query query, Map<String, Metrics.Def> metrics) {
        this.query = query;
        this.metrics = metrics;
    }

    List<String> problems() {
        return problems;
    }

    /** Same rows in the same order. */
    ResultDiff inOrder(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        if (expected.size() != actual.size()) {
            problems.add("expected " + expected.size() + " rows, got " + actual.size());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && problems.size() < 8; i++) {
            String diff = rowDiff(expected.get(i), actual.get(i));
            if (diff != null) {
                problems.add("row " + i + ": " + diff);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("expected (first 5): " + show(expected.subList(0, Math.min(5, expected.size()))));
            problems.add("actual (first 5):   " + show(actual.subList(0, Math.min(5, actual.size()))));
        }
        return this;
    }

    /** Same rows in any order, matched by their dimension values. */
    ResultDiff asMultiset(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        Map<List<Object>, List<Map<String, Object>>> byKey = new HashMap<>();
        for (Map<String, Object> row : expected) {
            byKey.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> unexpected = new ArrayList<>();
        for (Map<String, Object> row : actual) {
            List<Map<String, Object>> candidates = byKey.get(key(row));
            if (candidates == null || candidates.isEmpty()) {
                unexpected.add(row);
                continue;
            }
            Map<String, Object> match = candidates.remove(0);
            String diff = rowDiff(match, row);
            if (diff != null && problems.size() < 8) {
                problems.add(diff);
            }
        }
        List<Map<String, Object>> missing = new ArrayList<>();
        byKey.values().forEach(missing::addAll);
        // a double dimension (a log bucket's power) may be an ulp off: pair such rows within the tolerance
        for (java.util.Iterator<Map<String, Object>> it = unexpected.iterator(); it.hasNext(); ) {
            Map<String, Object> row = it.next();
            Map<String, Object> match = missing.stream().filter(m -> sameKey(key(m), key(row))).findFirst().orElse(null);
            if (match != null) {
                it.remove();
                missing.remove(match);
                String diff = rowDiff(match, row);
                if (diff != null && problems.size() < 8) {
                    problems.add(diff);
                }
            }
        }
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " unexpected row(s), e.g. " + show(unexpected.subList(0, Math.min(5,
                    unexpected.size()))));
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " missing row(s), e.g. " + show(missing.subList(0, Math.min(5,
                    missing.size()))));
        }
        return this;
    }

    private List<Object> key(Map<String, Object> row) {
        List<Object> key = new ArrayList<>();
        query.dimensions().forEach(d -> key.add(row.get(d.key())));
        return key;
    }

    private static boolean sameKey(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Null when equal; else what differs. */
    private String rowDiff(Map<String, Object> expected, Map<String, Object> actual) {
        if (!expected.keySet().equals(actual.keySet()) || !new ArrayList<>(expected.keySet())
                .equals(new ArrayList<>(actual.keySet()))) {
            return "keys " + expected.keySet() + " expected, got " + actual.keySet();
        }
        List<String> diffs = new ArrayList<>();
        for (String k : expected.keySet()) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            if (!same(e, a)) {
                diffs.add(k + ": expected " + describe(e) + ", got " + describe(a));
            }
        }
        return diffs.isEmpty() ? null : "at " + describe(key(expected)) + ": " + String.join("; ", diffs);
    }

    static boolean same(Object e, Object a) {
        if (e instanceof Double x && a instanceof Double y) {
            return close(x, y);
        }
        return Objects.equals(e, a);
    }

    static boolean close(double x, double y) {
        if (x == y || Double.isNaN(x) && Double.isNaN(y)) {
            return true;
        }
        return Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
    }

    static String show(List<Map<String, Object>> rows) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> shown = new LinkedHashMap<>();
            row.forEach((k, v) -> shown.put(k, describe(v)));
            out.add(shown.toString());
        }
        return out.toString();
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(x -> parts.add(describe(x)));
            return parts.toString();
        }
        return v + " (" + v.getClass().getSimpleName() + ")";
    }
}
