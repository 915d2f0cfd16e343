package qoegraph.difftest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** How result values order (numbers as numbers, times as instants, nulls last) and when doubles nearly tie. */
final class ValueOrder {
    /** Doubles closer than this (relative) may be ordered either way once rounded differently. */
    static final double NEAR = 1e-7;

    private ValueOrder() {
    }

    static int compareNullsLast(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = compare(a, b);
        return descending ? -c : c;
    }

    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Oracle.compareNumbers(x, y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.compareTo(y);   // by instant, then by offset (participants' times of one instant in two zones)
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof java.util.List<?> x && b instanceof java.util.List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compareNullsLast(x.get(i), y.get(i), false);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size()); // a prefix first
        }
        throw new IllegalArgumentException("cannot order " + a + " and " + b);
    }

    /** Two non-zero doubles within {@link #NEAR} of each other (equal ones too). */
    static boolean nearlyEqual(Object a, Object b) {
        if (!(a instanceof Double x) || !(b instanceof Double y) || x == 0 || y == 0) {
            return false;
        }
        return Math.abs(x - y) <= NEAR * Math.max(Math.abs(x), Math.abs(y));
    }
}
