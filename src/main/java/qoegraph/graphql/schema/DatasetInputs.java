package qoegraph.graphql.schema;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLTypeReference;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;
import qoegraph.query.OrderBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLInputObjectField.newInputObjectField;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * The input types of one dataset's root field: {@code <Dataset>Where}, {@code Having}, {@code OrderBy},
 * {@code Top}, {@code Window} and the enums naming its dimensions and metrics.
 */
public final class DatasetInputs {
    static final Set<String> WHERE_WORDS = Set.of("and", "or", "not");
    public static final String SELECTED = "selected";
    public static final String ORDER_FIELD = "field";
    public static final String ORDER_DIRECTION = "direction";
    public static final String TOP_BY_KEY = "byKey";
    /** Row fields that are no dimension or metric of the model. */
    static final Set<String> ROW_WORDS = Set.of(RowType.SHARE, RowType.TOTAL_OVER);

    final GraphQLEnumType dimensionEnum;
    final GraphQLEnumType metricEnum;
    /** The counts and sums: what a share can take a part of. */
    final GraphQLEnumType additiveMetricEnum;
    final GraphQLInputObjectType window;
    final GraphQLInputObjectType where;
    final GraphQLInputObjectType having;
    final GraphQLInputObjectType orderBy;
    final GraphQLInputObjectType top;

    DatasetInputs(Dataset dataset, FilterInputs filters) {
        String prefix = FieldDocs.prefix(dataset);
        checkReservedNames(dataset);
        dimensionEnum = dimensionEnum(dataset, prefix);
        metricEnum = metricEnum(dataset, prefix);
        additiveMetricEnum = additiveMetricEnum(dataset, prefix);
        window = window(prefix, dimensionEnum);
        where = where(dataset, prefix, filters);
        having = having(dataset, prefix, filters);
        orderBy = orderBy(dataset, prefix);
        top = top(dataset, prefix, dimensionEnum, metricEnum);
    }

    /** Metrics that {@code having} and {@code top.by} can name without selecting them (no q needed). */
    static List<Metric> namedMetrics(Dataset dataset) {
        return dataset.metrics().values().stream().filter(m -> !m.takesQuantile()).toList();
    }

    private static GraphQLEnumType dimensionEnum(Dataset dataset, String prefix) {
        GraphQLEnumType.Builder b = GraphQLEnumType.newEnum().name(prefix + "Dimension")
                .description("A dimension of " + dataset.name() + ", by name; where a query names one it must be"
                        + " selected (under any alias).");
        dataset.dimensions().values().forEach(d -> b.value(d.name(), d.name(), d.description()));
        dataset.renamedDimensions().forEach((old, now) -> b.value(GraphQLEnumValueDefinition.newEnumValueDefinition()
                .name(old).value(now).description(dataset.dimension(now).orElseThrow().description())
                .deprecationReason("Renamed " + now + ".").build()));
        return b.build();
    }

    private static GraphQLEnumType metricEnum(Dataset dataset, String prefix) {
        GraphQLEnumType.Builder b = GraphQLEnumType.newEnum().name(prefix + "Metric")
                .description("A metric of " + dataset.name() + ", by name: the selected one of that name, or else"
                        + " computed without being returned.");
        namedMetrics(dataset).forEach(m -> b.value(m.name(), m.name(), m.description() + FieldDocs.unit(m.unit())));
        dataset.renamedMetrics().forEach((old, now) -> dataset.metric(now).filter(m -> !m.takesQuantile())
                .ifPresent(m -> b.value(GraphQLEnumValueDefinition.newEnumValueDefinition().name(old).value(now)
                        .description(m.description()).deprecationReason("Renamed " + now + ".").build())));
        return b.build();
    }

    private static GraphQLEnumType additiveMetricEnum(Dataset dataset, String prefix) {
        GraphQLEnumType.Builder b = GraphQLEnumType.newEnum().name(prefix + "AdditiveMetric")
                .description("A count or sum of " + dataset.name() + ": its parts add up to the group's whole, so a"
                        + " share can take one.");
        dataset.metrics().values().stream().filter(m -> m.aggregation().additive())
                .forEach(m -> b.value(m.name(), m.name(), m.description() + FieldDocs.unit(m.unit())));
        return b.build();
    }

    private static GraphQLInputObjectType window(String prefix, GraphQLEnumType dimensions) {
        return GraphQLInputObjectType.newInputObject().name(prefix + "Window")
                .description("A window over the result groups: fn, computed per partition.")
                .field(newInputObjectField().name("fn").type(nonNull(ApiEnums.WINDOW_FUNCTION))
                        .description("The window function."))
                .field(newInputObjectField().name("partitionBy").type(list(nonNull(dimensions)))
                        .defaultValueProgrammatic(List.of())
                        .description("Selected dimensions that split the groups into partitions; none: one partition."))
                .field(newInputObjectField().name("size").type(GraphQLInt)
                        .description("MOVING_AVERAGE only: rows in the window (this one and size - 1 before it), at least 1."))
                .field(newInputObjectField().name("direction").type(ApiEnums.ORDER_DIRECTION)
                        .description("RANK, DENSE_RANK and ROW_NUMBER only: DESC (the default) ranks the highest value"
                                + " 1, ASC the lowest (the worst first). Missing values rank last either way."))
                .build();
    }

    private static GraphQLInputObjectType where(Dataset dataset, String prefix, FilterInputs filters) {
        String name = prefix + "Where";
        GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name(name)
                .description("Row filter on " + dataset.name() + " (before grouping): every given field must hold.");
        for (Dimension d : dataset.dimensions().values()) {
            b.field(newInputObjectField().name(d.name()).type(filters.of(d.type())).description(FieldDocs.filter(d)));
        }
        dataset.renamedDimensions().forEach((old, now) -> {
            Dimension d = dataset.dimension(now).orElseThrow();
            b.field(newInputObjectField().name(old).type(filters.of(d.type())).description(FieldDocs.filter(d))
                    .deprecate("Renamed " + now + "."));
        });
        return combinators(b, name).build();
    }

    private static GraphQLInputObjectType having(Dataset dataset, String prefix, FilterInputs filters) {
        String name = prefix + "Having";
        GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name(name)
                .description("Group filter on " + dataset.name() + " metrics (after grouping): every given field must"
                        + " hold. A metric named here is the selected one of that name, or else computed for the filter.");
        for (Metric m : namedMetrics(dataset)) {
            b.field(newInputObjectField().name(m.name()).type(filters.of(m.type())).description(FieldDocs.having(m)));
        }
        dataset.renamedMetrics().forEach((old, now) -> dataset.metric(now).filter(m -> !m.takesQuantile())
                .ifPresent(m -> b.field(newInputObjectField().name(old).type(filters.of(m.type()))
                        .description(FieldDocs.having(m)).deprecate("Renamed " + now + "."))));
        b.field(newInputObjectField().name(SELECTED).type(list(nonNull(filters.selectedMetric())))
                .description("Filters on selected metrics by output key, e.g. an aliased quantile."));
        return combinators(b, name).build();
    }

    private static GraphQLInputObjectType.Builder combinators(GraphQLInputObjectType.Builder b, String name) {
        GraphQLTypeReference self = GraphQLTypeReference.typeRef(name);
        return b.field(newInputObjectField().name("and").type(list(nonNull(self))).description("All of these hold."))
                .field(newInputObjectField().name("or").type(list(nonNull(self))).description("At least one of these holds."))
                .field(newInputObjectField().name("not").type(self).description("This does not hold."));
    }

    private static GraphQLInputObjectType orderBy(Dataset dataset, String prefix) {
        GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name(prefix + "OrderBy")
                .description("One sort key, single-key: {count: DESC} names a selected field, {field: \"h\","
                        + " direction: ASC} a selected output key (alias). Missing values sort last.");
        Map<String, String> names = new LinkedHashMap<>();
        dataset.dimensions().values().forEach(d -> names.put(d.name(), d.description()));
        dataset.metrics().values().forEach(m -> names.putIfAbsent(m.name(), m.description()));
        names.forEach((n, doc) -> b.field(newInputObjectField().name(n).type(ApiEnums.ORDER_DIRECTION)
                .description("Sort by the selected field " + n + ": " + doc)));
        dataset.renamedMetrics().forEach((old, now) -> b.field(newInputObjectField().name(old)
                .type(ApiEnums.ORDER_DIRECTION).description("Sort by the selected field " + old + ".")
                .deprecate("Renamed " + now + ".")));
        return b.field(newInputObjectField().name(ORDER_FIELD).type(GraphQLString)
                        .description("Sort by this output key (an alias or a field name) of the selection."))
                .field(newInputObjectField().name(ORDER_DIRECTION).type(ApiEnums.ORDER_DIRECTION)
                        .description("With field: the direction, ASC by default."))
                .build();
    }

    private static GraphQLInputObjectType top(Dataset dataset, String prefix, GraphQLEnumType dimensions,
                                              GraphQLEnumType metrics) {
        return GraphQLInputObjectType.newInputObject().name(prefix + "Top")
                .description("Keep the n groups with the highest (direction: ASC, the lowest) metric per partition,"
                        + " optionally folding the rest of each partition into one \"Other\" row.")
                .field(newInputObjectField().name("n").type(nonNull(GraphQLInt)).description("Groups kept per partition, at least 1."))
                .field(newInputObjectField().name("by").type(metrics).description("The metric ranked by, by name:"
                        + " the selected plain one of that name, or else computed without being returned. Give by or"
                        + " byKey."))
                .field(newInputObjectField().name(TOP_BY_KEY).type(GraphQLString).description("The metric ranked by,"
                        + " by the output key (alias) of a selected metric: a metric with its own where, a share, a"
                        + " quantile. Give by or byKey."))
                .field(newInputObjectField().name("direction").type(ApiEnums.ORDER_DIRECTION)
                        .defaultValueProgrammatic(OrderBy.Direction.DESC).description("DESC keeps the n highest, ASC"
                                + " the n lowest (the worst first). Missing values rank last either way."))
                .field(newInputObjectField().name("partitionBy").type(list(nonNull(dimensions)))
                        .defaultValueProgrammatic(List.of())
                        .description("Selected dimensions ranked within (e.g. the top 3 per device); none: overall."))
                .field(newInputObjectField().name("other").type(GraphQLBoolean).defaultValueProgrammatic(false)
                        .description("Fold the remaining groups of each partition into one row: text dimensions read"
                                + " \"Other\", other dimensions null, metrics computed over the folded rows."))
                .build();
    }

    private static void checkReservedNames(Dataset dataset) {
        for (String name : dataset.dimensions().keySet()) {
            if (WHERE_WORDS.contains(name) || name.equals(ORDER_FIELD) || name.equals(ORDER_DIRECTION)
                    || ROW_WORDS.contains(name)) {
                throw new IllegalStateException(dataset.name() + ": dimension '" + name + "' clashes with a"
                        + " word of the API (and, or, not, field, direction, share, totalOver); rename it in the model");
            }
        }
        for (String name : dataset.metrics().keySet()) {
            if (WHERE_WORDS.contains(name) || name.equals(SELECTED) || name.equals(ORDER_FIELD)
                    || name.equals(ORDER_DIRECTION) || ROW_WORDS.contains(name)) {
                throw new IllegalStateException(dataset.name() + ": metric '" + name + "' clashes with a word of"
                        + " the API (and, or, not, selected, field, direction, share, totalOver); rename it in the model");
            }
        }
    }
}
