package qoegraph.graphql.fetch;

import graphql.GraphQLContext;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One selected field of a dataset row, completed as graphql-java completes it: a scalar by its own coercing, a list
 * element by element, null as null; {@code __typename} as the row type's name. {@link #accepts} says whether a value
 * completes without a field error, so that a whole answer can be written without graphql-java's per-field
 * completion only when that completion could not have reported anything.
 *
 * @param key      the result key (alias or name)
 * @param type     the field's output type; null for {@code __typename}
 * @param typeName the row type's name, the value of {@code __typename}; null for other fields
 */
record RowColumn(String key, GraphQLType type, String typeName) {

    static RowColumn field(String key, GraphQLType type) {
        return new RowColumn(key, type, null);
    }

    static RowColumn typeName(String key, String typeName) {
        return new RowColumn(key, null, typeName);
    }

    /** The value graphql-java's completion puts in the answer for the row's {@code raw} value. */
    Object complete(Object raw, GraphQLContext context, Locale locale) {
        return typeName != null ? typeName : complete(type, raw, context, locale);
    }

    /** Whether {@code raw} completes without a field error (a null in a non-null field, a value its scalar refuses). */
    boolean accepts(Object raw) {
        return typeName != null || accepts(type, raw);
    }

    private static Object complete(GraphQLType type, Object raw, GraphQLContext context, Locale locale) {
        if (raw == null) {
            return null;
        }
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            List<?> values = (List<?>) raw;
            List<Object> completed = new ArrayList<>(values.size());
            for (Object value : values) {
                completed.add(complete(list.getWrappedType(), value, context, locale));
            }
            return completed;
        }
        GraphQLScalarType scalar = (GraphQLScalarType) bare;
        // TimeValue (a time dimension's scalar) writes an OffsetDateTime with DateTime's coercing
        if (raw instanceof OffsetDateTime time && (scalar.getName().equals("DateTime") || scalar.getName().equals("TimeValue"))) {
            String text = DateTimeText.format(time);
            if (text != null) {
                return text;
            }
        }
        return scalar.getCoercing().serialize(raw, context, locale);
    }

    private static boolean accepts(GraphQLType type, Object raw) {
        if (raw == null) {
            return !(type instanceof GraphQLNonNull);
        }
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            return raw instanceof List<?> values && values.stream().allMatch(v -> accepts(list.getWrappedType(), v));
        }
        return bare instanceof GraphQLScalarType scalar && scalarAccepts(scalar.getName(), raw);
    }

    /**
     * The values each scalar of the API serializes without an error (graphql-java 22's and the extended scalars'
     * coercings, {@link ApiScalars}'); a value outside these sends the answer through graphql-java's completion.
     */
    private static boolean scalarAccepts(String scalar, Object raw) {
        return switch (scalar) {
            case "String", "ID" -> true;   // String.valueOf of anything
            case "Boolean" -> raw instanceof Boolean;
            case "Int" -> raw instanceof Integer;
            case "Float" -> raw instanceof BigDecimal || raw instanceof Integer || raw instanceof Long
                    || raw instanceof Double d && Double.isFinite(d);
            case "Long" -> raw instanceof Long || raw instanceof Integer || raw instanceof BigInteger
                    || raw instanceof Double d && Double.isFinite(d) && d != Math.rint(d);
            case "DateTime" -> raw instanceof OffsetDateTime || raw instanceof ZonedDateTime;
            case "TimeValue" -> raw instanceof LocalDateTime || raw instanceof Number
                    || raw instanceof OffsetDateTime || raw instanceof ZonedDateTime;
            default -> false;
        };
    }
}
