package qoegraph.graphql.limits;

import qoegraph.graphql.fetch.ReportFields;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a field costs, for the complexity limit. What is dear is DuckDB: every dataset root field and every report
 * field is one SQL statement over a whole table, however few fields it selects, so a hostile query is many aliased
 * root fields. Those cost {@link #STATEMENT}; any other field {@link #FIELD}; introspection nothing (good-faith
 * introspection bounds it). The cost of a field includes the fields below it.
 */
public final class QueryCost implements FieldComplexityCalculator {
    /** A field that runs one DuckDB statement: a dataset root field or a report. */
    public static final int STATEMENT = 10;
    /** Any other field: a dimension, a metric, a catalog entry. */
    public static final int FIELD = 1;

    private final Set<FieldCoordinates> statements;

    QueryCost(Set<FieldCoordinates> statements) {
        this.statements = Set.copyOf(statements);
    }

    /** The statement fields of our schema: the list fields of the query type (datasets) and of {@code reports}. */
    public static QueryCost of(GraphQLSchema schema) {
        Set<FieldCoordinates> statements = new LinkedHashSet<>();
        GraphQLObjectType query = schema.getQueryType();
        for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
            if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
                statements.add(FieldCoordinates.coordinates(query, field));
            }
        }
        GraphQLFieldDefinition reports = query.getFieldDefinition(ReportFields.ROOT);
        if (reports != null && GraphQLTypeUtil.unwrapAll(reports.getType()) instanceof GraphQLObjectType type) {
            type.getFieldDefinitions().forEach(f -> statements.add(FieldCoordinates.coordinates(type, f)));
        }
        return new QueryCost(statements);
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        String name = env.getFieldDefinition().getName();
        if (name.startsWith("__") || env.getParentType().getName().startsWith("__")) {
            return 0;
        }
        FieldCoordinates coordinates = FieldCoordinates.coordinates(env.getParentType().getName(), name);
        return (statements.contains(coordinates) ? STATEMENT : FIELD) + childComplexity;
    }
}
