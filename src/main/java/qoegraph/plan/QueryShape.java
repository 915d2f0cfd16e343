package qoegraph.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;
import qoegraph.query.Query;
import qoegraph.query.Values;

/**
 * What a rollup must cover to answer a query, with everything else of the query left out: the
 * dimensions (time ones with their granularity or part), the filtered columns, the metrics (selected, in
 * having, ranked by) with whether each can be rebuilt from partial aggregates, and the time zone.
 * {@link RollupMatcher} decides on this alone.
 *
 * @param timeFilters comparisons on time dimensions in {@code where}: a rollup that truncates time can
 *        answer only those that hold of a row exactly when they hold of its truncated time
 */
public record QueryShape(String dataset, List<TimeUse> dimensions, Set<String> filterFields,
                         List<Filter.Compare> timeFilters, Map<String, Boolean> metrics, TimeZoneChoice zone) {
    public QueryShape {
        dimensions = List.copyOf(dimensions);
        filterFields = Set.copyOf(filterFields);
        timeFilters = List.copyOf(timeFilters);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * A dimension the query groups by.
     *
     * @param time whether it is a time dimension; then at most one of granularity / part, neither for raw times
     */
    public record TimeUse(String name, boolean time, Granularity granularity, DatePart part) {
        public static TimeUse plain(String name) {
            return new TimeUse(name, false, null, null);
        }

        public static TimeUse time(String name, Granularity g) {
            return new TimeUse(name, true, g, null);
        }

        public static TimeUse part(String name, DatePart p) {
            return new TimeUse(name, true, null, p);
        }
    }

    /** The shape of a validated query over its dataset. */
    public static QueryShape of(Query query, Dataset dataset, TimeZoneChoice zone) {
        List<TimeUse> dims = new ArrayList<>();
        query.dimensions().forEach(d -> {
            boolean time = dataset.dimension(d.name()).map(Dimension::isTime).orElse(false);
            dims.add(new TimeUse(d.name(), time, d.granularity(), d.part()));
        });
        List<String> fields = new ArrayList<>(Filter.fields(query.where()));
        List<Filter.Compare> timeFilters = new ArrayList<>(Filter.compares(query.where()));
        // a metric's own where is a filter like the root's: its columns must be kept, its times on bucket bounds
        query.metrics().forEach(m -> {
            fields.addAll(Filter.fields(m.where()));
            timeFilters.addAll(Filter.compares(m.where()));
        });
        timeFilters.removeIf(c -> !dataset.dimension(c.field()).map(Dimension::isTime).orElse(false));
        Set<String> metricNames = new LinkedHashSet<>();
        query.metrics().forEach(m -> metricNames.add(m.name()));
        List<String> having = Filter.fields(query.having());
        having.forEach(h -> metricNames.add(query.metricByKey(h).map(s -> s.name()).orElse(h)));
        if (query.top() != null) {
            String by = query.top().by();
            metricNames.add(query.metricByKey(by).map(s -> s.name()).orElse(by));
        }
        Map<String, Boolean> metrics = new LinkedHashMap<>();
        metricNames.forEach(n -> metrics.put(n, dataset.metric(n).map(dataset::reaggregatable).orElse(false)));
        return new QueryShape(dataset.name(), dims, new LinkedHashSet<>(fields), timeFilters, metrics, zone);
    }

    /** A time value of a filter as naive UTC; null when it is not one. */
    static java.time.LocalDateTime utc(Object value) {
        return Values.toUtc(value);
    }

    static boolean isNullTest(Filter.Compare c) {
        return c.op() == Operator.IS_NULL;
    }
}
