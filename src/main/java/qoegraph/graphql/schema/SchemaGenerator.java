package qoegraph.graphql.schema;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import qoegraph.model.Dataset;
import qoegraph.model.Model;
import qoegraph.query.Query;

import java.util.function.Function;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * The model as GraphQL: one root field per dataset returning {@code [<Dataset>Row!]}, with its filter,
 * order, paging, time zone and top-N arguments. Built with graphql-java's builders from the model alone,
 * so a new dimension or metric in YAML is a new field without Java. Root fields are nullable, as the GraphQL spec
 * advises for partial results: a root field that fails is null with its error, and the others keep their rows.
 */
public final class SchemaGenerator {
    private final Model model;
    private final int maxRows;
    private final FilterInputs filters = new FilterInputs();

    public SchemaGenerator(Model model, int maxRows) {
        this.model = model;
        this.maxRows = maxRows;
    }

    /** Adds the dataset root fields to {@code query} and their fetchers ({@code fetchers} per dataset) to {@code code}. */
    public void addTo(GraphQLObjectType.Builder query, GraphQLCodeRegistry.Builder code,
                      Function<Dataset, DataFetcher<?>> fetchers) {
        for (Dataset dataset : model.datasets().values()) {
            DatasetInputs inputs = new DatasetInputs(dataset, filters);
            GraphQLObjectType row = RowType.build(dataset, inputs);
            query.field(rootField(dataset, inputs, row));
            code.dataFetcher(FieldCoordinates.coordinates("Query", dataset.name()), fetchers.apply(dataset));
            DataFetcher<?> rowValue = RowType::value;
            row.getFieldDefinitions().forEach(f -> code.dataFetcher(FieldCoordinates.coordinates(row, f), rowValue));
        }
    }

    private GraphQLFieldDefinition rootField(Dataset dataset, DatasetInputs inputs, GraphQLObjectType row) {
        return newFieldDefinition().name(dataset.name()).type(list(nonNull(row)))
                .description(dataset.description() + " The selection set is the query: selected dimensions are"
                        + " grouped by, selected metrics aggregated; only metrics: one row of totals; only"
                        + " dimensions: the distinct combinations. Unordered rows come sorted by the dimensions. Null"
                        + " when it fails (errors says why); the request's other root fields keep their rows.")
                .argument(newArgument().name(RootArgumentNames.WHERE).type(inputs.where)
                        .description("Row filter, before grouping."))
                .argument(newArgument().name(RootArgumentNames.HAVING).type(inputs.having)
                        .description("Group filter on metrics, after grouping."))
                .argument(newArgument().name(RootArgumentNames.ORDER_BY).type(list(nonNull(inputs.orderBy)))
                        .description("Sort keys, first one first, each on a selected field or alias:"
                                + " [{count: DESC}, {field: \"h\", direction: ASC}]. Then by the dimensions, ascending."))
                .argument(newArgument().name(RootArgumentNames.LIMIT).type(GraphQLInt)
                        .defaultValueProgrammatic(Math.min(Query.DEFAULT_LIMIT, maxRows))
                        .description("At most this many rows, 0.." + maxRows + " (more: LIMIT_EXCEEDED; page with"
                                + " offset). extensions.fields.<field>.truncated says whether rows were cut."))
                .argument(newArgument().name(RootArgumentNames.OFFSET).type(GraphQLInt).defaultValueProgrammatic(0)
                        .description("Rows skipped before the first one returned."))
                .argument(newArgument().name(RootArgumentNames.TIMEZONE).type(GraphQLString)
                        .defaultValueProgrammatic(Query.DEFAULT_TIMEZONE).description(timezoneDoc(dataset)))
                .argument(newArgument().name(RootArgumentNames.TOP).type(inputs.top)
                        .description("Keep the n best groups per partition, optionally with an \"Other\" row."))
                .argument(newArgument().name(RootArgumentNames.INCLUDE_EMPTY).type(GraphQLBoolean)
                        .defaultValueProgrammatic(false).description(includeEmptyDoc(dataset)))
                .argument(newArgument().name(RootArgumentNames.SUBTOTALS).type(GraphQLBoolean).defaultValueProgrammatic(false)
                        .description("true: also a subtotal row for each value of the leading dimensions (in selection"
                                + " order: by the first, by the first two, ...) and a grand total row (SQL's ROLLUP),"
                                + " each with its metrics computed over all the rows it adds up and null in the"
                                + " dimensions it adds up over. Needs the field totalOver, which marks them. A subtotal"
                                + " row follows the groups it adds up; windows rank and share within each level."))
                .argument(newArgument().name(RootArgumentNames.DEBUG).type(GraphQLBoolean).defaultValueProgrammatic(false)
                        .description("true: extensions.fields.<field> also carries the SQL and its parameters."))
                .build();
    }

    private static String includeEmptyDoc(Dataset dataset) {
        String doc = "true: also the groups with no rows, every combination of the members of the selected dimensions,"
                + " with counts and sums 0 and the other metrics null: every period of a time granularity from the"
                + " where filter's start (else the first group's) to its end (else the last group's), every value of"
                + " a date part (24 hours, 7 days, 12 months)";
        if (!dataset.members().isEmpty()) {
            doc += ", " + String.join(" and ", dataset.members().stream().map(m -> "every row of " + m.dataset()
                    + " for " + String.join(", ", m.dimensions().keySet())).toList()) + " (where conditions on just"
                    + " those dimensions apply to them; the first that has every selected one of them serves)";
        }
        return doc + ", and for other dimensions the values the groups have (null alone when there is no group).";
    }

    private static String timezoneDoc(Dataset dataset) {
        String doc = "The IANA time zone (e.g. Europe/Paris) that time dimensions are bucketed and shown in.";
        if (dataset.participantZone() == null) {
            return doc;
        }
        StringBuilder zones = new StringBuilder();
        dataset.participantZone().zones().forEach((value, zone) -> zones.append(zones.length() == 0 ? "" : ", ")
                .append(value).append(": ").append(zone));
        return doc + " PARTICIPANT: each row in its participant's own zone by " + dataset.participantZone().dimension()
                + " (" + zones + "; otherwise " + dataset.participantZone().fallback() + "), shown as their local"
                + " times with their zone's offset; a bucket of a zone with another offset is another row.";
    }
}
