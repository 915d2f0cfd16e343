package qoegraph.graphql.schema;

import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;
import qoegraph.model.Unit;

/** The docs-pane text of dimensions and metrics: the model's description, the unit, the type. */
public final class FieldDocs {
    private FieldDocs() {
    }

    /** A field with its docs-pane text: every field of the API carries one. */
    public static GraphQLFieldDefinition documented(String name, GraphQLOutputType type, String description) {
        return newFieldDefinition().name(name).type(type).description(description).build();
    }

    static String prefix(Dataset dataset) {
        return Character.toUpperCase(dataset.name().charAt(0)) + dataset.name().substring(1);
    }

    static String unit(Unit unit) {
        return unit == Unit.NONE ? "" : " Unit: " + unit.label() + ".";
    }

    static String dimension(Dimension d) {
        String text = "Dimension: " + d.description() + unit(d.unit());
        if (d.isTime()) {
            return text + " A time: as stored (UTC instant) by default, the start of its bucket with granularity,"
                    + " a number with part; shown in the query's timezone.";
        }
        if (d.isBucketable()) {
            return text + " " + ScalarTypes.note(d.type()) + " With bucketWidth or logBase, grouped into buckets"
                    + " and the value is the bucket's lower bound.";
        }
        return text + " " + ScalarTypes.note(d.type());
    }

    static String metric(Metric m) {
        String text = "Metric (" + m.aggregation().yamlName() + "): " + m.description() + unit(m.unit()) + " "
                + ScalarTypes.note(m.type());
        return m.takesQuantile() ? text + " Needs q, the quantile in 0..1 (0.95 for the 95th percentile)." : text;
    }

    /** A name that is both: the metric unless bucketed. */
    static String both(Dimension d, Metric m) {
        return metric(m) + " With bucketWidth or logBase it is instead the dimension, grouped into buckets (the"
                + " value is the bucket's lower bound): " + d.description();
    }

    static String filter(Dimension d) {
        return d.description() + unit(d.unit()) + (d.isTime() ? " Compared as UTC instants." : "");
    }

    static String having(Metric m) {
        return m.description() + unit(m.unit());
    }
}
