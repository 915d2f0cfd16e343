package qoegraph.difftest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import qoegraph.query.Filter;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;

/**
 * The oracle's side of {@code includeEmpty}, from api.md and the schema's description rather than the engine's SQL:
 * every combination of the members of the selected dimensions, where a dimension's members are the rows of a
 * reference table (the one providing most of the selected plain dimensions, the first listed among equals; where
 * conditions naming only its columns filter it), every period of a time granularity from the where filter's bound
 * (else the first group's) to the other (else the last group's), every value of a date part, or else the values the
 * groups have; a reference table's tuples and a spine also take the values the groups have. A spine is in the
 * query's one zone: the validator refuses PARTICIPANT spines and {@link QueryGenerator} never draws one.
 */
final class Filling {
    private final Oracle oracle;
    private final Query query;
    private final List<Object[]> groups;

    Filling(Oracle oracle, Query query, List<Object[]> groups) {
        this.oracle = oracle;
        this.query = query;
        this.groups = groups;
    }

    /** About how many combinations {@link #keys} makes, without making them: to skip drawing huge ones. */
    long estimate() {
        List<SelectedDimension> dims = query.dimensions();
        Oracle.MemberSource source = source();
        List<Integer> fromSource = source == null ? List.of() : plainProvided(source);
        long n = fromSource.isEmpty() ? 1 : Math.max(1, source.table().size + groups.size());
        for (int i = 0; i < dims.size(); i++) {
            if (fromSource.contains(i)) {
                continue;
            }
            SelectedDimension d = dims.get(i);
            long values;
            if (d.granularity() != null) {
                values = spineEstimate(i, d);
            } else {
                int index = i;
                values = groups.stream().map(g -> g[index]).distinct().count() + 24;
            }
            n = Math.multiplyHigh(n, Math.max(1, values)) == 0 ? n * Math.max(1, values) : Long.MAX_VALUE;
        }
        return n;
    }

    /** The minutes between the spine's ends over its bucket's length, roughly. */
    private long spineEstimate(int i, SelectedDimension d) {
        LocalDateTime[] ends = ends(i, d);
        LocalDateTime lo = ends[0];
        LocalDateTime hi = ends[1];
        if (lo == null || hi == null || lo.isAfter(hi)) {
            return 1;
        }
        long minutes = ChronoUnit.MINUTES.between(lo, hi) + 1;
        long bucket = switch (d.granularity()) {
            case MINUTE -> 1;
            case HOUR -> 60;
            case DAY -> 1440;
            case WEEK -> 10080;
            case MONTH -> 40320;
            case QUARTER -> 120960;
            case YEAR -> 483840;
        };
        return minutes / bucket + 2;
    }

    /** Every combination of dimension values the answer has, the groups' own included. */
    List<Object[]> keys() {
        List<SelectedDimension> dims = query.dimensions();
        Oracle.MemberSource source = source();
        List<Integer> fromSource = source == null ? List.of() : plainProvided(source);
        // one factor per reference tuple and per other dimension, each a list of partial keys
        List<List<Object[]>> factors = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        if (!fromSource.isEmpty()) {
            factors.add(members(source, fromSource));
            positions.add(fromSource);
        }
        for (int i = 0; i < dims.size(); i++) {
            if (!fromSource.contains(i)) {
                factors.add(values(i).stream().map(v -> new Object[] {v}).toList());
                positions.add(List.of(i));
            }
        }
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[dims.size()]);
        for (int f = 0; f < factors.size(); f++) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] partial : out) {
                for (Object[] values : factors.get(f)) {
                    Object[] key = partial.clone();
                    for (int j = 0; j < values.length; j++) {
                        key[positions.get(f).get(j)] = values[j];
                    }
                    next.add(key);
                }
            }
            out = next;
            if (out.size() > 1_000_000) {
                throw new IllegalStateException("too many empty groups to check");
            }
        }
        return out;
    }

    private static boolean plain(SelectedDimension d) {
        return d.granularity() == null && d.part() == null && d.bucketWidth() == null && d.logBase() == null;
    }

    private List<Integer> plainProvided(Oracle.MemberSource source) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < query.dimensions().size(); i++) {
            SelectedDimension d = query.dimensions().get(i);
            if (plain(d) && source.provides(d.name())) {
                out.add(i);
            }
        }
        return out;
    }

    private Oracle.MemberSource source() {
        Oracle.MemberSource best = null;
        for (Oracle.MemberSource s : oracle.members) {
            int n = plainProvided(s).size();
            if (n > 0 && (best == null || n > plainProvided(best).size())) {
                best = s;
            }
        }
        return best;
    }

    /** The reference rows the where conditions on just their columns keep, as tuples, and the groups' tuples. */
    private List<Object[]> members(Oracle.MemberSource source, List<Integer> indexes) {
        Table t = source.table();
        Oracle members = new Oracle(t, java.util.Map.of());
        byte[] keep = new byte[t.size];
        java.util.Arrays.fill(keep, Oracle.TRUE);
        for (Filter conjunct : conjuncts(query.where())) {
            List<String> fields = Filter.fields(conjunct);
            if (!fields.isEmpty() && fields.stream().allMatch(source::provides)) {
                byte[] part = members.where(conjunct);
                for (int r = 0; r < keep.length; r++) {
                    keep[r] = Oracle.and(keep[r], part[r]);
                }
            }
        }
        Set<List<Object>> tuples = new LinkedHashSet<>();
        for (int r = 0; r < t.size; r++) {
            if (keep[r] == Oracle.TRUE) {
                List<Object> tuple = new ArrayList<>();
                for (int i : indexes) {
                    tuple.add(t.column(query.dimensions().get(i).name()).values()[r]);
                }
                tuples.add(tuple);
            }
        }
        for (Object[] g : groups) {
            List<Object> tuple = new ArrayList<>();
            indexes.forEach(i -> tuple.add(g[i]));
            tuples.add(tuple);
        }
        return tuples.stream().map(List::toArray).toList();
    }

    /** A dimension's members: its spine, its cycle, or the values the groups have. */
    private List<Object> values(int i) {
        SelectedDimension d = query.dimensions().get(i);
        Set<Object> out = new LinkedHashSet<>();
        if (d.part() != null) {
            int[] range = switch (d.part()) {
                case HOUR_OF_DAY -> new int[] {0, 23};
                case DAY_OF_WEEK -> new int[] {1, 7};
                case MONTH_OF_YEAR -> new int[] {1, 12};
            };
            for (int v = range[0]; v <= range[1]; v++) {
                out.add(v);
            }
        } else if (d.granularity() != null) {
            out.addAll(spine(i, d));
        }
        groups.forEach(g -> out.add(g[i]));
        boolean bounded = d.granularity() != null && bound(d.name(), true) != null && bound(d.name(), false) != null;
        if (groups.isEmpty() && d.part() == null && !bounded) {
            out.add(null); // no group: one member, null, so the other dimensions' members still show
        }
        return new ArrayList<>(out);
    }

    /** Every bucket between the bounds: each time a few minutes apart, put in its bucket as a row's would be. */
    private List<Object> spine(int i, SelectedDimension d) {
        ZoneId zone = ZoneId.of(query.timezone()); // one zone: PARTICIPANT spines are refused, never drawn
        LocalDateTime[] ends = ends(i, d);
        LocalDateTime lo = ends[0];
        LocalDateTime hi = ends[1];
        List<Object> out = new ArrayList<>();
        if (lo == null || hi == null) {
            return out;
        }
        long step = switch (d.granularity()) {
            case MINUTE -> 1;
            case HOUR -> 15;
            default -> 60;
        };
        Set<Object> buckets = new LinkedHashSet<>();
        for (LocalDateTime t = lo; !t.isAfter(hi); t = t.plusMinutes(step)) {
            buckets.add(Oracle.time(t, zone, d));
        }
        if (!lo.isAfter(hi)) {
            buckets.add(Oracle.time(hi, zone, d));
        }
        out.addAll(buckets);
        return out;
    }

    /** A spine's ends: the where filter's bounds, else the first and last group's; naive UTC. */
    private LocalDateTime[] ends(int i, SelectedDimension d) {
        LocalDateTime lo = bound(d.name(), true);
        LocalDateTime hi = bound(d.name(), false);
        List<LocalDateTime> seen = groups.stream().map(g -> g[i]).filter(v -> v != null)
                .map(v -> v instanceof OffsetDateTime t ? LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC)
                        : (LocalDateTime) v).sorted().toList();
        lo = lo != null ? lo : seen.isEmpty() ? null : seen.get(0);
        hi = hi != null ? hi : seen.isEmpty() ? null : seen.get(seen.size() - 1);
        return new LocalDateTime[] {lo, hi};
    }

    /**
     * The where filter's tightest bound on a time from below or above (an exclusive upper one less a microsecond),
     * naive UTC. Null when it has none.
     */
    private LocalDateTime bound(String field, boolean lower) {
        LocalDateTime best = null;
        for (Filter f : conjuncts(query.where())) {
            if (!(f instanceof Filter.Compare c) || !c.field().equals(field)) {
                continue;
            }
            LocalDateTime b = lower ? lower(c) : upper(c);
            if (b != null && (best == null || (lower ? b.isAfter(best) : b.isBefore(best)))) {
                best = b;
            }
        }
        return best;
    }

    private static LocalDateTime lower(Filter.Compare c) {
        return switch (c.op()) {
            case GTE, GT, EQ -> Oracle.utc(c.value());
            case BETWEEN, IN_RANGE -> Oracle.utc(((List<?>) c.value()).get(0));
            default -> null;
        };
    }

    private static LocalDateTime upper(Filter.Compare c) {
        return switch (c.op()) {
            case LTE, EQ -> Oracle.utc(c.value());
            case LT -> Oracle.utc(c.value()).minus(1, ChronoUnit.MICROS);
            case BETWEEN -> Oracle.utc(((List<?>) c.value()).get(1));
            case IN_RANGE -> Oracle.utc(((List<?>) c.value()).get(1)).minus(1, ChronoUnit.MICROS);
            default -> null;
        };
    }

    /** The parts of the top-level and, nested ands flattened. */
    static List<Filter> conjuncts(Filter filter) {
        List<Filter> out = new ArrayList<>();
        if (filter instanceof Filter.And and) {
            and.filters().forEach(f -> out.addAll(conjuncts(f)));
        } else if (filter != null) {
            out.add(filter);
        }
        return out;
    }
}
