package qoegraph.graphql.schema;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The scalars of the API beyond GraphQL's own. {@code Long} and {@code DateTime} are the extended scalars'
 * with two widenings that the query engine needs; {@code TimeValue} is what a time dimension returns.
 */
public final class ApiScalars {
    /**
     * Whole numbers sent exactly, to JavaScript too: a JSON number while JavaScript reads it exactly (within
     * +-(2^53 - 1)), else a string of its digits; a window that yields a fraction on a Long metric sends the fraction.
     */
    public static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A whole number, sent exactly (counts, byte sums, ranks): a JSON number within +-(2^53 - 1),"
                    + " the whole numbers JavaScript reads exactly (no count or rank gets near), otherwise a string of"
                    + " its digits (a sum beyond 9 PB, say), never a rounded number. As input, a number or a string of"
                    + " digits. A window function that yields a fraction (SHARE, CUMULATIVE_SHARE, MOVING_AVERAGE,"
                    + " PERCENT_CHANGE) on a Long metric sends that fraction.")
            .coercing(new LongOrFraction()).build();

    /**
     * GraphQL's Float, except that an exact decimal (a DECIMAL sum from the store: bytes) keeps all its digits instead
     * of becoming the nearest double; a JavaScript client reads the same double either way. Named {@code Float}: it
     * takes the built-in's place ({@link #withExactFloats}), so the SDL does not change.
     */
    static final GraphQLScalarType FLOAT = GraphQLScalarType.newScalar().name(Scalars.GraphQLFloat.getName())
            .description(Scalars.GraphQLFloat.getDescription()).coercing(new ExactFloat()).build();

    /** RFC 3339 date-times with an offset, in and out. */
    public static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime;

    /** A time dimension's value: an instant with its offset (a participant's own offset too), or a part's number. */
    public static final GraphQLScalarType TIME_VALUE = GraphQLScalarType.newScalar().name("TimeValue")
            .description("The value of a time dimension (output only): an RFC 3339 date-time with the offset of the"
                    + " query's timezone (e.g. 2015-03-29T03:30:00.000+02:00); with timezone PARTICIPANT the"
                    + " participant's local time with the offset of their zone (2015-03-02T00:00:00.000+01:00: the text"
                    + " before the offset is their wall clock); with part a whole number (hour of day 0..23, ISO day of"
                    + " week 1 = Monday..7, month 1..12).")
            .coercing(new TimeValueCoercing()).build();

    /** The largest whole number a JavaScript number holds exactly (Number.MAX_SAFE_INTEGER). */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private ApiScalars() {
    }

    /** {@code schema} with {@link #FLOAT} wherever it had graphql-java's Float. */
    public static GraphQLSchema withExactFloats(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node,
                                                           TraverserContext<GraphQLSchemaElement> context) {
                if (node == Scalars.GraphQLFloat) {
                    return changeNode(context, FLOAT);
                }
                return TraversalControl.CONTINUE;
            }
        });
    }

    private static final class LongOrFraction implements Coercing<Long, Object> {
        private static final Coercing<?, ?> LONG = ExtendedScalars.GraphQLLong.getCoercing();

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Double d && d != Math.rint(d)) {
                return d;
            }
            if (value instanceof BigInteger big && big.bitLength() > 63) {
                return big.toString();   // a sum past 64 bits: still exact
            }
            long whole = (Long) LONG.serialize(value, context, locale);
            return Math.abs(whole) <= MAX_SAFE_INTEGER ? (Object) whole : Long.toString(whole);
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            return (Long) LONG.parseValue(input, context, locale);
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return (Long) LONG.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return LONG.valueToLiteral(input, context, locale);
        }
    }

    private static final class ExactFloat implements Coercing<Object, Object> {
        private static final Coercing<?, ?> FLOAT = Scalars.GraphQLFloat.getCoercing();

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value instanceof BigDecimal exact ? exact : FLOAT.serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return FLOAT.parseValue(input, context, locale);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return FLOAT.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return FLOAT.valueToLiteral(input, context, locale);
        }
    }

    private static final class TimeValueCoercing implements Coercing<Object, Object> {
        private static final Coercing<?, ?> DATE_TIME = ExtendedScalars.DateTime.getCoercing();
        private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof LocalDateTime local) {
                return LOCAL.format(local);
            }
            if (value instanceof Number) {
                return value;
            }
            return DATE_TIME.serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            throw new CoercingParseValueException("TimeValue is output only; filter times with DateTime values");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            throw new CoercingParseLiteralException("TimeValue is output only; filter times with DateTime values");
        }
    }
}
