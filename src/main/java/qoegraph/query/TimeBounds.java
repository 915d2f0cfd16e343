package qoegraph.query;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds a row filter's top-level conditions (the parts of its and) put on a time dimension: the tightest from
 * below and from above, as naive UTC times. A time spine ({@code includeEmpty}) runs between them.
 */
public final class TimeBounds {
    /** A bound, inclusive or not. */
    public record Bound(LocalDateTime utc, boolean inclusive) {
    }

    private TimeBounds() {
    }

    /** The top-level conditions of a filter: the parts of its and, nested ands flattened; none for null. */
    public static List<Filter> conjuncts(Filter filter) {
        List<Filter> out = new ArrayList<>();
        if (filter instanceof Filter.And and) {
            and.filters().forEach(f -> out.addAll(conjuncts(f)));
        } else if (filter != null) {
            out.add(filter);
        }
        return out;
    }

    /** The tightest bound from below ({@code lower}) or above on {@code field}; null when there is none. */
    public static Bound of(Filter where, String field, boolean lower) {
        Bound best = null;
        for (Filter f : conjuncts(where)) {
            if (f instanceof Filter.Compare c && c.field().equals(field)) {
                Bound b = lower ? lowerBound(c) : upperBound(c);
                if (b != null && (best == null || tighter(b, best, lower))) {
                    best = b;
                }
            }
        }
        return best;
    }

    private static Bound lowerBound(Filter.Compare c) {
        return switch (c.op()) {
            case GTE, EQ -> at(c.value(), true);
            case GT -> at(c.value(), false);
            case BETWEEN, IN_RANGE -> at(((List<?>) c.value()).get(0), true);
            default -> null;
        };
    }

    private static Bound upperBound(Filter.Compare c) {
        return switch (c.op()) {
            case LTE, EQ -> at(c.value(), true);
            case LT -> at(c.value(), false);
            case BETWEEN -> at(((List<?>) c.value()).get(1), true);
            case IN_RANGE -> at(((List<?>) c.value()).get(1), false);
            default -> null;
        };
    }

    private static Bound at(Object value, boolean inclusive) {
        LocalDateTime utc = Values.toUtc(value);
        return utc == null ? null : new Bound(utc, inclusive);
    }

    private static boolean tighter(Bound a, Bound b, boolean lower) {
        int c = a.utc().compareTo(b.utc());
        if (c == 0) {
            return !a.inclusive() && b.inclusive();
        }
        return lower ? c > 0 : c < 0;
    }
}
