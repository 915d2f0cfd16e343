package qoegraph.graphql.schema;

import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import qoegraph.model.FieldType;
import qoegraph.query.Operator;
import qoegraph.query.OperatorRules;

import java.util.EnumMap;
import java.util.Map;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLInputObjectField.newInputObjectField;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

/**
 * The operator input types, one per field type ({@code IntFilter}, {@code StringFilter}, ...), made from
 * {@link OperatorRules} so the schema offers exactly the operators the engine accepts. Several operators in
 * one object must all hold.
 */
final class FilterInputs {
    private final Map<FieldType, GraphQLInputObjectType> byType = new EnumMap<>(FieldType.class);
    private GraphQLInputObjectType selectedMetric;

    /** The operator type of a field type, built once. */
    GraphQLInputObjectType of(FieldType type) {
        return byType.computeIfAbsent(type, FilterInputs::build);
    }

    /** {@code SelectedMetricFilter}: numeric operators on a selected metric named by its output key. */
    GraphQLInputObjectType selectedMetric() {
        if (selectedMetric == null) {
            GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name("SelectedMetricFilter")
                    .description("Filters groups on a selected metric named by its output key (alias or name), e.g. a"
                            + " quantile selected with q. Values are compared as numbers.")
                    .field(newInputObjectField().name("key").type(nonNull(GraphQLString))
                            .description("The output key of a selected metric."));
            OperatorRules.allowed(FieldType.FLOAT).forEach(op -> b.field(operatorField(op, FieldType.FLOAT)));
            selectedMetric = b.build();
        }
        return selectedMetric;
    }

    static String typeName(FieldType type) {
        return switch (type) {
            case STRING_LIST -> "StringListFilter";
            case INT_LIST -> "IntListFilter";
            default -> type.graphqlName() + "Filter";
        };
    }

    private static GraphQLInputObjectType build(FieldType type) {
        GraphQLInputObjectType.Builder b = GraphQLInputObjectType.newInputObject().name(typeName(type))
                .description("Operators on " + (type.graphqlName().matches("[AEIOU].*") ? "an " : "a ")
                        + type.graphqlName() + " field; all given operators must hold.");
        OperatorRules.allowed(type).forEach(op -> b.field(operatorField(op, type)));
        return b.build();
    }

    private static GraphQLInputObjectField operatorField(Operator op, FieldType type) {
        GraphQLInputType element = ScalarTypes.input(type.elementType());
        GraphQLInputType valueType = op == Operator.IS_NULL ? GraphQLBoolean
                : op.takesList() ? list(nonNull(element)) : element;
        return newInputObjectField().name(op.apiName()).type(valueType)
                .description(OperatorDocs.describe(op, type)).build();
    }
}
