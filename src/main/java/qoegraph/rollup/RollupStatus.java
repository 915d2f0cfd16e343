package qoegraph.rollup;

import java.time.Instant;
import java.util.Map;
import qoegraph.plan.RollupDeclaration;
import qoegraph.query.Granularity;

/**
 * A rollup for the catalog: its declaration and, once built, its size and when and how fast it was built.
 *
 * @param builtAt null until the first build
 * @param bytes DuckDB's estimate of the table's size; null when unknown
 */
public record RollupStatus(RollupDeclaration rollup, Instant builtAt, long rows, Long bytes, long buildMillis) {
    public String name() {
        return rollup.name();
    }

    public String dataset() {
        return rollup.dataset();
    }

    /** Dimensions as declared: {@code ts:hour}, {@code deviceId}. */
    public java.util.List<String> dimensions() {
        return rollup.dimensions().entrySet().stream().map(RollupStatus::label).toList();
    }

    private static String label(Map.Entry<String, Granularity> d) {
        return d.getValue() == null ? d.getKey() : d.getKey() + ":" + d.getValue().name().toLowerCase(java.util.Locale.ROOT);
    }
}
