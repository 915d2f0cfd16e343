package qoegraph.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One queryable dataset: a table, the joins it may use, its dimensions and metrics. A dimension and a
 * metric may share a name (the traffic column {@code bytesIn} and the metric {@code bytesIn}, its sum):
 * a query always says which one it means.
 *
 * @param participantZone how {@code PARTICIPANT} picks a zone per row; null when the dataset has none
 * @param members where the members of its reference dimensions come from (users, devices), first fit first
 * @param renamedDimensions a dimension's former name to its name: still accepted, deprecated
 * @param renamedMetrics a derived metric's former name to its name (a renamed dimension's Min, Median, ...)
 */
public record Dataset(String name, String description, String table, Map<String, Join> joins,
                      Map<String, Dimension> dimensions, Map<String, Metric> metrics,
                      ParticipantZone participantZone, List<MemberSource> members,
                      Map<String, String> renamedDimensions, Map<String, String> renamedMetrics) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(table, "table");
        joins = copy(joins);
        dimensions = copy(dimensions);
        metrics = copy(metrics);
        members = List.copyOf(members);
        renamedDimensions = copy(renamedDimensions);
        renamedMetrics = copy(renamedMetrics);
    }

    public Dataset(String name, String description, String table, Map<String, Join> joins,
                   Map<String, Dimension> dimensions, Map<String, Metric> metrics, ParticipantZone participantZone) {
        this(name, description, table, joins, dimensions, metrics, participantZone, List.of(), Map.of(), Map.of());
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Optional<Dimension> dimension(String name) {
        return Optional.ofNullable(dimensions.get(name));
    }

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    public Optional<Join> join(String name) {
        return Optional.ofNullable(joins.get(name));
    }

    /** Whether a metric can be rebuilt from partial aggregates (ratios: when both parts can). */
    public boolean reaggregatable(Metric metric) {
        if (metric.aggregation() != Aggregation.RATIO) {
            return metric.aggregation().reaggregatable();
        }
        return metric(metric.numerator()).map(this::reaggregatable).orElse(false)
                && metric(metric.denominator()).map(this::reaggregatable).orElse(false);
    }
}
