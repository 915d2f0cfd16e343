package qoegraph.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import qoegraph.model.Dataset;
import qoegraph.model.Join;
import qoegraph.query.Query;
import qoegraph.query.SelectedMetric;

/**
 * How a validated query is answered: from which source, with which joins, with every selected name
 * resolved to its model definition. The SQL compiler turns it into one statement.
 *
 * @param joins the joins the query needs, each after those it depends on
 * @param fill the groups {@code includeEmpty} adds; null when the query does not ask for them
 */
public record Plan(Query query, Dataset dataset, Source source, List<Join> joins,
                   List<PlannedDimension> dimensions, List<PlannedMetric> metrics, TimeZoneChoice timeZone,
                   Fill fill) {
    public Plan {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeZone, "timeZone");
        joins = List.copyOf(joins);
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
    }

    /** The selected dimension with this output key, else the only one with this name. */
    public Optional<PlannedDimension> dimension(String keyOrName) {
        return query.findDimension(keyOrName).flatMap(s -> dimensions.stream().filter(d -> d.selected() == s).findFirst());
    }

    /** The selected metric with this output key, else the only one with this name. */
    public Optional<PlannedMetric> selectedMetric(String keyOrName) {
        return query.findMetric(keyOrName).flatMap(s -> metrics.stream().filter(m -> m.selected() == s).findFirst());
    }

    /**
     * A metric named in having or top.by: the selected one with this output key, else the dataset's
     * metric of that name (computed without being returned).
     */
    public PlannedMetric metric(String keyOrName) {
        Optional<PlannedMetric> selected = query.metricByKey(keyOrName)
                .flatMap(s -> metrics.stream().filter(m -> m.selected() == s).findFirst());
        return selected.orElseGet(() -> new PlannedMetric(SelectedMetric.metric(keyOrName), dataset.metric(keyOrName)
                .orElseThrow(() -> new IllegalArgumentException("unknown metric " + keyOrName))));
    }
}
