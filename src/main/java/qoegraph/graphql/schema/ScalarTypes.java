package qoegraph.graphql.schema;

import graphql.Scalars;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import qoegraph.model.FieldType;

import static graphql.schema.GraphQLList.list;

/** The GraphQL types of the model's field types, for results and for filter values. */
public final class ScalarTypes {
    private ScalarTypes() {
    }

    /** The type a dimension or metric value is sent as; time dimensions use {@link #timeDimension()}. */
    public static GraphQLOutputType output(FieldType type) {
        return switch (type) {
            case STRING_LIST -> list(Scalars.GraphQLString);
            case INT_LIST -> list(Scalars.GraphQLInt);
            default -> scalar(type);
        };
    }

    /** Time dimensions are DateTimes, local times (PARTICIPANT) or numbers (part): one scalar for all three. */
    static GraphQLOutputType timeDimension() {
        return ApiScalars.TIME_VALUE;
    }

    /** The type of one filter value. */
    static GraphQLInputType input(FieldType type) {
        return scalar(type.elementType());
    }

    public static GraphQLScalarType scalar(FieldType type) {
        return switch (type) {
            case INT -> Scalars.GraphQLInt;
            case LONG -> ApiScalars.LONG;
            case ID -> Scalars.GraphQLID;
            case FLOAT -> Scalars.GraphQLFloat;
            case STRING -> Scalars.GraphQLString;
            case BOOLEAN -> Scalars.GraphQLBoolean;
            case DATE_TIME -> ApiScalars.DATE_TIME;
            default -> throw new IllegalArgumentException("no scalar for " + type);
        };
    }

    /** What a type means for a reader of the docs: exact or not, and how times look. */
    static String note(FieldType type) {
        return switch (type) {
            case INT -> "Int.";
            case LONG -> "Long: an exact whole number.";
            case ID -> "ID: a 64-bit identifier, sent as a string of its digits (exact in JavaScript); filters take"
                    + " that string (or a number).";
            case FLOAT -> "Float: a double-precision number.";
            case STRING -> "String.";
            case BOOLEAN -> "Boolean.";
            case DATE_TIME -> "DateTime: RFC 3339 with offset.";
            case STRING_LIST -> "List of String.";
            case INT_LIST -> "List of Int.";
        };
    }
}
