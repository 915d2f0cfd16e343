package qoegraph.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.FieldType;
import qoegraph.model.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * {@code <Dataset>Row}: one field per dimension and metric. Selecting a dimension groups by it, selecting a
 * metric aggregates it. A name that is both (traffic {@code bytesIn}) is one field: the metric, or the
 * bucketed dimension when {@code bucketWidth} / {@code logBase} is given.
 */
public final class RowType {
    public static final String GRANULARITY = "granularity";
    public static final String PART = "part";
    public static final String BUCKET_WIDTH = "bucketWidth";
    public static final String LOG_BASE = "logBase";
    public static final String WINDOW = "window";
    public static final String Q = "q";
    public static final String WHERE = "where";
    /** The share field: the part of a count or sum that the rows its where keeps make up. */
    public static final String SHARE = "share";
    public static final String SHARE_OF = "of";
    /** The subtotal mark: which dimensions a row adds up over. */
    public static final String TOTAL_OVER = "totalOver";

    private RowType() {
    }

    /** A row field's value: the row map's entry under the field's result key, so aliases of one field stay apart. */
    public static Object value(DataFetchingEnvironment env) {
        Map<?, ?> row = env.getSource();
        return row.get(env.getField().getResultKey());
    }

    static String name(Dataset dataset) {
        return FieldDocs.prefix(dataset) + "Row";
    }

    static GraphQLObjectType build(Dataset dataset, DatasetInputs inputs) {
        GraphQLObjectType.Builder b = GraphQLObjectType.newObject().name(name(dataset))
                .description("One result group of " + dataset.name() + ": the selected dimensions are grouped by,"
                        + " the selected metrics aggregated over the group's rows. Values are null when missing.");
        for (Dimension d : dataset.dimensions().values()) {
            Metric m = dataset.metric(d.name()).orElse(null);
            b.field(m == null ? dimensionField(d) : bothField(d, m, inputs));
        }
        dataset.metrics().values().stream().filter(m -> dataset.dimension(m.name()).isEmpty())
                .forEach(m -> b.field(metricField(dataset, m, inputs)));
        dataset.renamedMetrics().forEach((old, now) -> {
            Metric m = dataset.metric(now).orElseThrow();
            b.field(newFieldDefinition().name(old).type(ScalarTypes.output(m.type()))
                    .description(FieldDocs.metric(m)).arguments(metricArguments(m, inputs))
                    .deprecate("Renamed " + now + ": " + m.description()).build());
        });
        b.field(shareField(inputs));
        b.field(totalOverField());
        return b.build();
    }

    /** {@code share(where: ..., of: count)}: a part of the group's count or sum, 0..1. */
    private static GraphQLFieldDefinition shareField(DatasetInputs inputs) {
        return newFieldDefinition().name(SHARE).type(GraphQLFloat)
                .description("Metric: the share (0..1) of the group's `of` metric (count by default: its rows) that"
                        + " the rows where keeps make up, of(where) / of (on sessions, the share of each ISP's viewers"
                        + " above 100 MB: isp share(where: {total: {gt: 100000000}})). Null when the group's whole is 0."
                        + " Select it under an alias to sort (orderBy field), filter (having.selected) or rank"
                        + " (top.byKey) by it.")
                .argument(newArgument().name(WHERE).type(nonNull(inputs.where))
                        .description("The rows of the part: the same filter as the root field's where."))
                .argument(newArgument().name(SHARE_OF).type(inputs.additiveMetricEnum).defaultValueProgrammatic("count")
                        .description("The count or sum whose part is taken; count (the group's rows) by default."))
                .argument(newArgument().name(WINDOW).type(inputs.window)
                        .description("Turn the grouped value into a window value over the result groups."))
                .build();
    }

    /** {@code totalOver}: with subtotals, the dimensions a row adds up over. */
    private static GraphQLFieldDefinition totalOverField() {
        return newFieldDefinition().name(TOTAL_OVER).type(nonNull(list(nonNull(GraphQLString))))
                .description("With subtotals: true on the root field, the output keys (aliases or names) of the"
                        + " dimensions this row adds up over: [] for a group, the trailing dimensions for a subtotal"
                        + " (their values read null), every dimension for the grand total. A group whose dimension is"
                        + " null has []: that is how a client tells the two apart. Always [] without subtotals.")
                .build();
    }

    private static GraphQLFieldDefinition dimensionField(Dimension d) {
        GraphQLOutputType type = d.isTime() ? ScalarTypes.timeDimension() : ScalarTypes.output(d.type());
        return newFieldDefinition().name(d.name()).type(type).description(FieldDocs.dimension(d))
                .arguments(dimensionArguments(d)).build();
    }

    /** A metric; a former dimension name it shares takes that dimension's bucket arguments, deprecated. */
    private static GraphQLFieldDefinition metricField(Dataset dataset, Metric m, DatasetInputs inputs) {
        List<GraphQLArgument> arguments = new ArrayList<>(metricArguments(m, inputs));
        String renamed = dataset.renamedDimensions().get(m.name());
        if (renamed != null) {
            Dimension d = dataset.dimension(renamed).orElseThrow();
            dimensionArguments(d).forEach(a -> arguments.add(a.transform(t -> t.deprecate("The per-row value is"
                    + " the dimension " + d.name() + " now: write " + d.name() + "(" + a.getName() + ": ...)."))));
        }
        return newFieldDefinition().name(m.name()).type(ScalarTypes.output(m.type())).description(FieldDocs.metric(m))
                .arguments(arguments).build();
    }

    private static GraphQLFieldDefinition bothField(Dimension d, Metric m, DatasetInputs inputs) {
        List<GraphQLArgument> arguments = new ArrayList<>(metricArguments(m, inputs));
        arguments.addAll(dimensionArguments(d));
        return newFieldDefinition().name(m.name()).type(ScalarTypes.output(bothType(d.type(), m.type())))
                .description(FieldDocs.both(d, m)).arguments(arguments).build();
    }

    /** The metric's type when both agree; a whole-number bucket fits a Long; otherwise a Float. */
    private static FieldType bothType(FieldType dimension, FieldType metric) {
        if (dimension == metric) {
            return metric;
        }
        return dimension.isIntegral() && metric.isIntegral() ? FieldType.LONG : FieldType.FLOAT;
    }

    private static List<GraphQLArgument> dimensionArguments(Dimension d) {
        if (d.isTime()) {
            return List.of(newArgument().name(GRANULARITY).type(ApiEnums.GRANULARITY)
                            .description("Group by time buckets of this length; the value is the bucket's start.").build(),
                    newArgument().name(PART).type(ApiEnums.DATE_PART)
                            .description("Group by this cyclic part of the local time; the value is a whole number.").build());
        }
        if (!d.isBucketable()) {
            return List.of();
        }
        String unit = FieldDocs.unit(d.unit());
        return List.of(newArgument().name(BUCKET_WIDTH).type(GraphQLFloat)
                        .description("Histogram: buckets of this width, above 0 (whole for Int and Long columns); the"
                                + " value is floor(x / width) * width." + unit).build(),
                newArgument().name(LOG_BASE).type(GraphQLFloat)
                        .description("Histogram: logarithmic buckets, base above 1; the value is base^floor(log_base(x)),"
                                + " the bucket's lower bound; values at or below 0 give 0." + unit).build());
    }

    private static List<GraphQLArgument> metricArguments(Metric m, DatasetInputs inputs) {
        List<GraphQLArgument> arguments = new ArrayList<>();
        arguments.add(newArgument().name(WINDOW).type(inputs.window)
                .description("Turn the grouped value into a window value over the result groups.").build());
        arguments.add(newArgument().name(WHERE).type(inputs.where)
                .description("A row filter of this metric alone (SQL's FILTER (WHERE ...)), the same input as the root"
                        + " field's where: the metric over those of the group's rows it keeps (on sessions, big:"
                        + " count(where: {total: {gt: 100000000}})). Counts and sums are 0 when it keeps none. Select"
                        + " it under an alias to sort (orderBy field), filter (having.selected) or rank (top.byKey) by"
                        + " it.").build());
        if (m.takesQuantile()) {
            arguments.add(newArgument().name(Q).type(nonNull(GraphQLFloat))
                    .description("The quantile, 0..1 (0.5 the median, 0.95 the 95th percentile).").build());
        }
        return arguments;
    }
}
