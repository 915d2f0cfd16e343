package qoegraph.graphql;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLTypeReference;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;

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
final class DatasetInputs {
    static final Set<String> WHERE_WORDS = Set.of("and", "or", "not");
    static final String SELECTED = "selected";
    static final String ORDER_FIELD = "field";
    static final String ORDER_DIRECTION = "direction";

    final GraphQLEnumType dimensionEnum;
    final GraphQLEnumType metricEnum;
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
        return b.build();
    }

    private static GraphQLEnumType metricEnum(Dataset dataset, String prefix) {
        GraphQLEnumType.Builder b = GraphQLEnumType.newEnum().name(prefix + "Metric")
                .description("A metric of " + dataset.name() + ", by name: the selected one of that name, or else"
                        + " computed without being returned.");
        namedMetrics(dataset).forEach(m -> b.value(m.name(), m.name(), m.description() + FieldDocs.unit(m.unit())));
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
                .build();
    }

    private static GraphQLInputObjectType where(Dataset dataset, String prefix, FilterInputs filters) {
        String name = prefix + "Where";
        GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name(name)
                .description("Row filter on " + dataset.name() + " (before grouping): every given field must hold.");
        for (Dimension d : dataset.dimensions().values()) {
            b.field(newInputObjectField().name(d.name()).type(filters.of(d.type())).description(FieldDocs.filter(d)));
        }
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
        return b.field(newInputObjectField().name(ORDER_FIELD).type(GraphQLString)
                        .description("Sort by this output key (an alias or a field name) of the selection."))
                .field(newInputObjectField().name(ORDER_DIRECTION).type(ApiEnums.ORDER_DIRECTION)
                        .description("With field: the direction, ASC by default."))
                .build();
    }

    private static GraphQLInputObjectType top(Dataset dataset, String prefix, GraphQLEnumType dimensions,
                                              GraphQLEnumType metrics) {
        return GraphQLInputObjectType.newInputObject().name(prefix + "Top")
                .description("Keep the n groups with the highest metric per partition, optionally folding the rest"
                        + " of each partition into one \"Other\" row.")
                .field(newInputObjectField().name("n").type(nonNull(GraphQLInt)).description("Groups kept per partition, at least 1."))
                .field(newInputObjectField().name("by").type(nonNull(metrics)).description("The metric ranked by, highest first."))
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
            if (WHERE_WORDS.contains(name) || name.equals(ORDER_FIELD) || name.equals(ORDER_DIRECTION)) {
                throw new IllegalStateException(dataset.name() + ": dimension '" + name + "' clashes with an"
                        + " input word of the API (and, or, not, field, direction); rename it in the model");
            }
        }
        for (String name : dataset.metrics().keySet()) {
            if (WHERE_WORDS.contains(name) || name.equals(SELECTED) || name.equals(ORDER_FIELD)
                    || name.equals(ORDER_DIRECTION)) {
                throw new IllegalStateException(dataset.name() + ": metric '" + name + "' clashes with an input"
                        + " word of the API (and, or, not, selected, field, direction); rename it in the model");
            }
        }
    }
}
