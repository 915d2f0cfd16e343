package qoegraph.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qoegraph.model.Dataset;
import qoegraph.model.MemberSource;
import qoegraph.query.Filter;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.TimeBounds;

/**
 * Decides where the members of each selected dimension come from when a query asks for empty groups too
 * ({@link Fill}). Plain dimensions that a member source of the dataset provides take their members from the source
 * covering most of them (the first listed among equals), filtered by the where conditions that name only what the
 * source has; a time dimension with a granularity takes a spine; a date part its cycle; the rest their seen values.
 */
final class FillPlanner {
    private final Planner planner;
    private final Dataset dataset;
    private final Query query;

    FillPlanner(Planner planner, Dataset dataset, Query query) {
        this.planner = planner;
        this.dataset = dataset;
        this.query = query;
    }

    Fill fill() {
        List<SelectedDimension> dims = query.dimensions();
        MemberSource source = bestSource();
        List<Fill.Members> members = new ArrayList<>();
        List<Integer> fromSource = source == null ? List.of() : memberIndexes(source);
        if (!fromSource.isEmpty()) {
            members.add(new Fill.Members(planner.plan(memberQuery(source, fromSource)), fromSource));
        }
        List<Fill.Spine> spines = new ArrayList<>();
        List<Fill.Cycle> cycles = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            SelectedDimension d = dims.get(i);
            if (fromSource.contains(i)) {
                continue;
            }
            if (d.part() != null) {
                cycles.add(Fill.Cycle.of(i, d.part()));
            } else if (d.granularity() != null) {
                spines.add(new Fill.Spine(i, d.granularity(), bound(d.name(), true), bound(d.name(), false)));
            } else {
                seen.add(i);
            }
        }
        return new Fill(members, spines, cycles, seen);
    }

    /** A plain dimension: no time bucket or part, no numeric bucket. */
    private static boolean plain(SelectedDimension d) {
        return d.granularity() == null && d.part() == null && d.bucketWidth() == null && d.logBase() == null;
    }

    private List<Integer> memberIndexes(MemberSource source) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < query.dimensions().size(); i++) {
            SelectedDimension d = query.dimensions().get(i);
            if (plain(d) && source.provides(d.name())) {
                out.add(i);
            }
        }
        return out;
    }

    private MemberSource bestSource() {
        List<MemberSource> sources = dataset.members();
        return sources.stream().filter(s -> !memberIndexes(s).isEmpty())
                .max(Comparator.comparingInt((MemberSource s) -> memberIndexes(s).size())
                        .thenComparing(s -> -sources.indexOf(s)))
                .orElse(null);
    }

    /** The member dataset grouped by the member dimensions, filtered by the conditions that only name them. */
    private Query memberQuery(MemberSource source, List<Integer> indexes) {
        Query.Builder q = Query.newQuery(source.dataset());
        for (int j = 0; j < indexes.size(); j++) {
            String name = source.dimensions().get(query.dimensions().get(indexes.get(j)).name());
            q.dimension(SelectedDimension.dimension(name).as("m" + j));
        }
        List<Filter> kept = new ArrayList<>();
        for (Filter conjunct : TimeBounds.conjuncts(query.where())) {
            Set<String> fields = new LinkedHashSet<>(Filter.fields(conjunct));
            if (!fields.isEmpty() && source.dimensions().keySet().containsAll(fields)) {
                kept.add(rename(conjunct, source.dimensions()));
            }
        }
        if (!kept.isEmpty()) {
            q.where(kept.size() == 1 ? kept.get(0) : new Filter.And(kept));
        }
        return q.build();
    }

    private static Filter rename(Filter filter, Map<String, String> names) {
        if (filter instanceof Filter.And and) {
            return new Filter.And(and.filters().stream().map(f -> rename(f, names)).toList(), and.implicit());
        }
        if (filter instanceof Filter.Or or) {
            return new Filter.Or(or.filters().stream().map(f -> rename(f, names)).toList());
        }
        if (filter instanceof Filter.Not not) {
            return new Filter.Not(rename(not.filter(), names));
        }
        Filter.Compare c = (Filter.Compare) filter;
        return new Filter.Compare(names.get(c.field()), c.op(), c.value());
    }

    /** The where filter's bound on a time dimension from below ({@code lower}) or above; null when it has none. */
    private Fill.Bound bound(String dimension, boolean lower) {
        TimeBounds.Bound b = TimeBounds.of(query.where(), dimension, lower);
        return b == null ? null : new Fill.Bound(b.utc(), b.inclusive());
    }
}
