package qoegraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The plain query a GraphQL root field's selection set turns into: which metrics, by which dimensions, for
 * which rows, in which order. It names model fields only; {@link QueryValidator} checks it against the
 * model. Build with {@code Query.newQuery("sessions").dimension(...).metric(...).build()}; copy with
 * {@link #transform}.
 *
 * @param where row filter on dimensions; null for none
 * @param having group filter on metrics; null for none
 * @param top null for all groups
 * @param timezone an IANA zone id, or {@link #PARTICIPANT}
 * @param includeEmpty whether groups without rows are added too: members of the reference datasets, every
 *        period of a time granularity in the filtered range, every value of a date part (counts and sums 0)
 * @param subtotals whether subtotal rows of the leading dimensions and a grand total are added (ROLLUP)
 * @param totalOverKey the output key under which each row says which dimensions it totals over (the output keys of
 *        those dimensions: none for a plain group); null when not selected
 */
public record Query(String dataset, List<SelectedDimension> dimensions, List<SelectedMetric> metrics,
                    Filter where, Filter having, List<OrderBy> orderBy, Top top, int limit, int offset,
                    String timezone, boolean includeEmpty, boolean subtotals, String totalOverKey) {
    /** Each row in its participant's own time zone (study datasets). */
    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String DEFAULT_TIMEZONE = "UTC";
    public static final int DEFAULT_LIMIT = 1000;

    public Query {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(timezone, "timezone");
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
        orderBy = List.copyOf(orderBy);
    }

    public static Builder newQuery(String dataset) {
        return new Builder(dataset);
    }

    public Query transform(Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    public boolean isParticipantZone() {
        return PARTICIPANT.equals(timezone);
    }

    /** The selected dimension with this output key, else the only one with this name. */
    public Optional<SelectedDimension> findDimension(String keyOrName) {
        Optional<SelectedDimension> byKey = dimensions.stream().filter(d -> d.key().equals(keyOrName)).findFirst();
        if (byKey.isPresent()) {
            return byKey;
        }
        List<SelectedDimension> byName = dimensions.stream().filter(d -> d.name().equals(keyOrName)).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /** The selected metric with exactly this output key. */
    public Optional<SelectedMetric> metricByKey(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /**
     * The selected metric with this output key, else the only plain one with this name: a name never stands for a
     * metric filtered by its own where, nor for a share (select those under an alias and use the alias).
     */
    public Optional<SelectedMetric> findMetric(String keyOrName) {
        Optional<SelectedMetric> byKey = metrics.stream().filter(m -> m.key().equals(keyOrName)).findFirst();
        if (byKey.isPresent()) {
            return byKey;
        }
        List<SelectedMetric> byName = metrics.stream().filter(m -> m.name().equals(keyOrName) && m.isPlain()).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /** The output keys in selection order: dimensions first, then metrics, then the subtotal mark. */
    public List<String> outputKeys() {
        List<String> keys = new ArrayList<>();
        dimensions.forEach(d -> keys.add(d.key()));
        metrics.forEach(m -> keys.add(m.key()));
        if (totalOverKey != null) {
            keys.add(totalOverKey);
        }
        return keys;
    }

    /** Builds a {@link Query}; methods are named after the property. */
    public static final class Builder {
        private String dataset;
        private final List<SelectedDimension> dimensions = new ArrayList<>();
        private final List<SelectedMetric> metrics = new ArrayList<>();
        private Filter where;
        private Filter having;
        private final List<OrderBy> orderBy = new ArrayList<>();
        private Top top;
        private int limit = DEFAULT_LIMIT;
        private int offset;
        private String timezone = DEFAULT_TIMEZONE;
        private boolean includeEmpty;
        private boolean subtotals;
        private String totalOverKey;

        private Builder(String dataset) {
            this.dataset = dataset;
        }

        private Builder(Query q) {
            this.dataset = q.dataset;
            this.dimensions.addAll(q.dimensions);
            this.metrics.addAll(q.metrics);
            this.where = q.where;
            this.having = q.having;
            this.orderBy.addAll(q.orderBy);
            this.top = q.top;
            this.limit = q.limit;
            this.offset = q.offset;
            this.timezone = q.timezone;
            this.includeEmpty = q.includeEmpty;
            this.subtotals = q.subtotals;
            this.totalOverKey = q.totalOverKey;
        }

        public Builder dataset(String name) {
            this.dataset = name;
            return this;
        }

        public Builder dimension(SelectedDimension d) {
            dimensions.add(d);
            return this;
        }

        /** Selects dimensions by name, without arguments. */
        public Builder dimensions(String... names) {
            for (String n : names) {
                dimensions.add(SelectedDimension.dimension(n));
            }
            return this;
        }

        public Builder metric(SelectedMetric m) {
            metrics.add(m);
            return this;
        }

        /** Selects metrics by name, without arguments. */
        public Builder metrics(String... names) {
            for (String n : names) {
                metrics.add(SelectedMetric.metric(n));
            }
            return this;
        }

        public Builder clearSelection() {
            dimensions.clear();
            metrics.clear();
            return this;
        }

        public Builder where(Filter filter) {
            this.where = filter;
            return this;
        }

        public Builder having(Filter filter) {
            this.having = filter;
            return this;
        }

        public Builder orderBy(OrderBy... keys) {
            orderBy.addAll(List.of(keys));
            return this;
        }

        public Builder clearOrderBy() {
            orderBy.clear();
            return this;
        }

        public Builder top(Top t) {
            this.top = t;
            return this;
        }

        public Builder limit(int rows) {
            this.limit = rows;
            return this;
        }

        public Builder offset(int rows) {
            this.offset = rows;
            return this;
        }

        public Builder timezone(String zone) {
            this.timezone = zone;
            return this;
        }

        public Builder includeEmpty(boolean on) {
            this.includeEmpty = on;
            return this;
        }

        public Builder subtotals(boolean on) {
            this.subtotals = on;
            return this;
        }

        /** Selects the row mark of subtotals under this output key. */
        public Builder totalOver(String key) {
            this.totalOverKey = key;
            return this;
        }

        public Query build() {
            return new Query(dataset, dimensions, metrics, where, having, orderBy, top, limit, offset, timezone,
                    includeEmpty, subtotals, totalOverKey);
        }
    }
}
