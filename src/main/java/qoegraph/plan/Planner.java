package qoegraph.plan;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import qoegraph.model.ColumnRef;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Expr;
import qoegraph.model.JoinOrder;
import qoegraph.model.Metric;
import qoegraph.model.Model;
import qoegraph.model.ParticipantZone;
import qoegraph.query.Filter;
import qoegraph.query.Query;

/**
 * Decides how to answer a validated query: from the smallest built rollup that {@link RollupMatcher} finds
 * able to answer it exactly, else from its dataset's table, joined only to the tables its fields use.
 */
public final class Planner {
    private final Model model;
    private final BuiltRollups rollups;

    public Planner(Model model) {
        this(model, BuiltRollups.NONE);
    }

    public Planner(Model model, BuiltRollups rollups) {
        this.model = model;
        this.rollups = rollups;
    }

    /**
     * @param query a query that {@link qoegraph.query.QueryValidator} accepted
     * @throws IllegalArgumentException when the query names something the model does not have
     */
    public Plan plan(Query query) {
        Dataset base = model.dataset(query.dataset())
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset " + query.dataset()));
        QueryShape shape = QueryShape.of(query, base, timeZone(base, query));
        Optional<BuiltRollups.Built> rollup = rollups.built(base.name()).stream()
                .filter(b -> RollupMatcher.canServe(shape, b.rollup()))
                .min(Comparator.comparingLong(BuiltRollups.Built::rows));
        Dataset dataset = rollup.map(b -> RollupView.dataset(base, b.rollup())).orElse(base);
        Source source = rollup.<Source>map(b -> new Source.RollupTable(b.rollup().name(), b.rollup().table()))
                .orElseGet(() -> new Source.Table(base.table()));
        List<PlannedDimension> dimensions = query.dimensions().stream()
                .map(s -> new PlannedDimension(s, dimension(dataset, s.name()))).toList();
        List<PlannedMetric> metrics = query.metrics().stream()
                .map(s -> new PlannedMetric(s, metric(dataset, s.name()))).toList();
        TimeZoneChoice zone = timeZone(dataset, query);
        Fill fill = query.includeEmpty() ? new FillPlanner(this, base, query).fill() : null;
        Plan draft = new Plan(query, dataset, source, List.of(), dimensions, metrics, zone, fill);
        return new Plan(query, dataset, draft.source(), JoinOrder.closure(dataset, joinsUsed(draft)), dimensions,
                metrics, zone, fill);
    }

    /** The dataset of this name (a member dataset, say). */
    Dataset dataset(String name) {
        return model.dataset(name).orElseThrow(() -> new IllegalArgumentException("unknown dataset " + name));
    }

    private static Dimension dimension(Dataset dataset, String name) {
        return dataset.dimension(name).orElseThrow(() -> new IllegalArgumentException("unknown dimension " + name));
    }

    private static Metric metric(Dataset dataset, String name) {
        return dataset.metric(name).orElseThrow(() -> new IllegalArgumentException("unknown metric " + name));
    }

    private static TimeZoneChoice timeZone(Dataset dataset, Query query) {
        if (!query.isParticipantZone()) {
            return TimeZoneChoice.of(ZoneId.of(query.timezone()));
        }
        ParticipantZone rule = dataset.participantZone();
        if (rule == null) {
            throw new IllegalArgumentException(dataset.name() + " has no participant time zones");
        }
        return TimeZoneChoice.participant(rule, dimension(dataset, rule.dimension()));
    }

    /** The joins named by every expression the query will write. */
    private static Set<String> joinsUsed(Plan plan) {
        List<Expr> exprs = new ArrayList<>();
        plan.dimensions().forEach(d -> exprs.add(d.dimension().sql()));
        plan.metrics().forEach(m -> addPlanned(plan, m, exprs));
        Filter.fields(plan.query().where()).forEach(f -> exprs.add(dimension(plan.dataset(), f).sql()));
        Filter.fields(plan.query().having()).forEach(f -> addPlanned(plan, plan.metric(f), exprs));
        if (plan.query().top() != null) {
            addPlanned(plan, plan.metric(plan.query().top().by()), exprs);
        }
        boolean convertsTime = plan.dimensions().stream().anyMatch(d -> d.dimension().isTime());
        if (plan.timeZone().isParticipant() && convertsTime) {
            exprs.add(plan.timeZone().participantDimension().sql());
        }
        Set<String> joins = new LinkedHashSet<>();
        exprs.forEach(e -> e.refs().stream().filter(r -> !r.isBase()).map(ColumnRef::join).forEach(joins::add));
        return joins;
    }

    /** A metric's expressions and those of the dimensions its own where compares. */
    private static void addPlanned(Plan plan, PlannedMetric metric, List<Expr> into) {
        addMetric(plan.dataset(), metric.metric(), into);
        Filter.fields(metric.selected().where())
                .forEach(f -> into.add(dimension(plan.dataset(), f).sql()));
    }

    private static void addMetric(Dataset dataset, Metric metric, List<Expr> into) {
        if (metric.sql() != null) {
            into.add(metric.sql());
        }
        if (metric.numerator() != null) {
            addMetric(dataset, metric(dataset, metric.numerator()), into);
        }
        if (metric.denominator() != null) {
            addMetric(dataset, metric(dataset, metric.denominator()), into);
        }
    }
}
