package qoegraph.plan;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import qoegraph.model.Aggregation;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Expr;
import qoegraph.model.Metric;

/**
 * A rollup seen as a dataset, so the SQL compiler needs nothing new: its table, no joins, each kept
 * dimension one column of the same name, each kept metric the re-aggregation of its component columns.
 *
 * <p>Component columns (what a rollup file's SELECT must return besides the dimension columns):
 * {@code <metric>} for count, count_if and sum metrics (re-aggregated by sum), and for min / max (by min /
 * max); {@code <metric>__sum} and {@code <metric>__count} for avg (sum and count of the non-null values:
 * the mean is their ratio); nothing for ratios (their parts are kept metrics).
 */
public final class RollupView {
    public static final String SUM_SUFFIX = "__sum";
    public static final String COUNT_SUFFIX = "__count";

    private RollupView() {
    }

    /** The metrics a declaration serves: the listed ones and, for ratios, their parts. */
    public static Set<String> closure(Dataset dataset, Iterable<String> metrics) {
        Set<String> out = new LinkedHashSet<>();
        metrics.forEach(m -> add(dataset, m, out));
        return out;
    }

    private static void add(Dataset dataset, String name, Set<String> out) {
        if (!out.add(name)) {
            return;
        }
        dataset.metric(name).filter(m -> m.aggregation() == Aggregation.RATIO).ifPresent(m -> {
            add(dataset, m.numerator(), out);
            add(dataset, m.denominator(), out);
        });
    }

    /** The columns a kept metric needs in the rollup table (none for a ratio). */
    public static Set<String> componentColumns(Metric metric) {
        return switch (metric.aggregation()) {
            case AVG -> Set.of(metric.name() + SUM_SUFFIX, metric.name() + COUNT_SUFFIX);
            case RATIO -> Set.of();
            default -> Set.of(metric.name());
        };
    }

    public static Dataset dataset(Dataset base, RollupDeclaration rollup) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (String name : rollup.dimensions().keySet()) {
            Dimension d = base.dimension(name).orElseThrow(() -> new IllegalArgumentException("unknown dimension " + name));
            dims.put(name, new Dimension(d.name(), d.description(), d.type(), d.unit(), Expr.column(name), false));
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (String name : rollup.metrics()) {
            Metric m = base.metric(name).orElseThrow(() -> new IllegalArgumentException("unknown metric " + name));
            switch (m.aggregation()) {
                case COUNT, COUNT_IF, SUM -> metrics.put(name, with(m, Aggregation.SUM, name));
                case MIN, MAX -> metrics.put(name, with(m, m.aggregation(), name));
                case AVG -> {
                    String sum = name + SUM_SUFFIX;
                    String count = name + COUNT_SUFFIX;
                    metrics.put(sum, new Metric(sum, m.description(), m.type(), m.unit(), Aggregation.SUM,
                            Expr.column(sum), null, null, null));
                    metrics.put(count, new Metric(count, m.description(), m.type(), m.unit(), Aggregation.SUM,
                            Expr.column(count), null, null, null));
                    metrics.put(name, new Metric(name, m.description(), m.type(), m.unit(), Aggregation.RATIO, null,
                            sum, count, null));
                }
                case RATIO -> metrics.put(name, m);
                default -> throw new IllegalArgumentException("metric " + name + " cannot be rebuilt from a rollup");
            }
        }
        return new Dataset(base.name(), base.description(), rollup.table(), Map.of(), dims, metrics,
                base.participantZone());
    }

    private static Metric with(Metric m, Aggregation aggregation, String column) {
        return new Metric(m.name(), m.description(), m.type(), m.unit(), aggregation, Expr.column(column), null, null,
                null);
    }
}
