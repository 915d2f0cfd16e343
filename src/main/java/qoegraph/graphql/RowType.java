package qoegraph.graphql;

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

import static graphql.Scalars.GraphQLFloat;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * {@code <Dataset>Row}: one field per dimension and metric. Selecting a dimension groups by it, selecting a
 * metric aggregates it. A name that is both (traffic {@code bytesIn}) is one field: the metric, or the
 * bucketed dimension when {@code bucketWidth} / {@code logBase} is given.
 */
final class RowType {
    static final String GRANULARITY = "granularity";
    static final String PART = "part";
    static final String BUCKET_WIDTH = "bucketWidth";
    static final String LOG_BASE = "logBase";
    static final String WINDOW = "window";
    static final String Q = "q";

    private RowType() {
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
                .forEach(m -> b.field(metricField(m, inputs)));
        return b.build();
    }

    private static GraphQLFieldDefinition dimensionField(Dimension d) {
        GraphQLOutputType type = d.isTime() ? ScalarTypes.timeDimension() : ScalarTypes.output(d.type());
        return newFieldDefinition().name(d.name()).type(type).description(FieldDocs.dimension(d))
                .arguments(dimensionArguments(d)).build();
    }

    private static GraphQLFieldDefinition metricField(Metric m, DatasetInputs inputs) {
        return newFieldDefinition().name(m.name()).type(ScalarTypes.output(m.type())).description(FieldDocs.metric(m))
                .arguments(metricArguments(m, inputs)).build();
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
        if (m.takesQuantile()) {
            arguments.add(newArgument().name(Q).type(nonNull(GraphQLFloat))
                    .description("The quantile, 0..1 (0.5 the median, 0.95 the 95th percentile).").build());
        }
        return arguments;
    }
}
