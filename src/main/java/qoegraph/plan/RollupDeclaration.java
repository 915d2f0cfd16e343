package qoegraph.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import qoegraph.query.Granularity;

/**
 * A rollup as declared in a {@code queries/rollups/*.sql} header: an aggregate table over one dataset,
 * grouped by {@code dimensions} (a time dimension with the granularity its column is truncated to, in UTC;
 * null when kept raw), able to serve {@code metrics} (ratios' parts included).
 *
 * @param table the physical table the rollup is built into
 */
public record RollupDeclaration(String name, String dataset, String table, Map<String, Granularity> dimensions,
                                Set<String> metrics) {
    public RollupDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(table, "table");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        metrics = Collections.unmodifiableSet(new LinkedHashSet<>(metrics));
    }

    public boolean hasDimension(String name) {
        return dimensions.containsKey(name);
    }

    /** The granularity a time dimension is kept at; null when kept raw (or not a time dimension). */
    public Granularity granularity(String dimension) {
        return dimensions.get(dimension);
    }
}
