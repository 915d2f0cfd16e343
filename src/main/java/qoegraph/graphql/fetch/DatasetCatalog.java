package qoegraph.graphql.fetch;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;
import qoegraph.model.Model;
import qoegraph.model.Unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static qoegraph.graphql.schema.FieldDocs.documented;

/** {@code catalog.datasets}: the model as data, for tools that build queries (and for people). */
final class DatasetCatalog {
    private DatasetCatalog() {
    }

    static GraphQLFieldDefinition field() {
        return documented("datasets", nonNull(list(nonNull(datasetType()))),
                "The queryable datasets (one root field each) with their dimensions and metrics.");
    }

    /** The model as maps that the default fetchers read by name. */
    static List<Map<String, Object>> data(Model model) {
        return model.datasets().values().stream().map(DatasetCatalog::dataset).toList();
    }

    private static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", d.name());
        map.put("description", d.description());
        map.put("table", d.table());
        map.put("dimensions", d.dimensions().values().stream().map(x -> dimension(d, x)).toList());
        map.put("metrics", d.metrics().values().stream().map(DatasetCatalog::metric).toList());
        return map;
    }

    private static Map<String, Object> dimension(Dataset dataset, Dimension d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dataset", dataset.name());
        map.put("name", d.name());
        map.put("type", d.type().graphqlName());
        map.put("unit", unit(d.unit()));
        map.put("description", d.description());
        map.put("categorical", d.categorical());
        return map;
    }

    private static Map<String, Object> metric(Metric m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", m.name());
        map.put("type", m.type().graphqlName());
        map.put("unit", unit(m.unit()));
        map.put("aggregation", m.aggregation().yamlName());
        map.put("description", m.description());
        return map;
    }

    private static String unit(Unit unit) {
        return unit == Unit.NONE ? null : unit.yamlName();
    }

    private static GraphQLObjectType datasetType() {
        return newObject().name("DatasetInfo").description("A dataset: one root field of the same name.")
                .field(documented("name", nonNull(GraphQLString), "Name, and name of its root field."))
                .field(documented("description", nonNull(GraphQLString), "What its rows are."))
                .field(documented("table", nonNull(GraphQLString), "The table it reads."))
                .field(documented("dimensions", nonNull(list(nonNull(dimensionType()))), "What it can group and filter by."))
                .field(documented("metrics", nonNull(list(nonNull(metricType()))), "What it can aggregate."))
                .build();
    }

    private static GraphQLObjectType dimensionType() {
        return newObject().name("DimensionInfo").description("A dimension: a per-row value to group and filter by.")
                .field(documented("name", nonNull(GraphQLString), "Field name."))
                .field(documented("type", nonNull(GraphQLString), "GraphQL type of its values: Int, Long, ID, Float,"
                        + " String, Boolean, DateTime, [String] or [Int]."))
                .field(documented("unit", GraphQLString, "bytes, packets, seconds, share (0..1), count or degrees; null"
                        + " when it has none."))
                .field(documented("description", nonNull(GraphQLString), "What it is."))
                .field(documented("categorical", nonNull(GraphQLBoolean), "Whether it is a low-cardinality text"
                        + " dimension: its values are listed, and a filter value that matches none of them gets a"
                        + " warning in extensions.fields.<field>.warnings."))
                .field(documented("values", list(nonNull(GraphQLString)), "The values it has in the data (sorted,"
                        + " nulls left out) when it is categorical; null otherwise. Read from the data: they follow"
                        + " each ingest."))
                .build();
    }

    private static GraphQLObjectType metricType() {
        return newObject().name("MetricInfo").description("A metric: an aggregate over the rows of a group.")
                .field(documented("name", nonNull(GraphQLString), "Field name."))
                .field(documented("type", nonNull(GraphQLString), "GraphQL type of its values: Long (exact whole numbers)"
                        + " or Float."))
                .field(documented("unit", GraphQLString, "bytes, packets, seconds, share (0..1), count or degrees; null"
                        + " when it has none."))
                .field(documented("aggregation", nonNull(GraphQLString), "count, count_if, count_distinct, sum, avg, min,"
                        + " max, stddev, quantile or ratio."))
                .field(documented("description", nonNull(GraphQLString), "What it is."))
                .build();
    }

}
