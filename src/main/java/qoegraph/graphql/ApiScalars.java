package qoegraph.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The scalars of the API beyond GraphQL's own. {@code Long} and {@code DateTime} are the extended scalars'
 * with two widenings that the query engine needs; {@code TimeValue} is what a time dimension returns.
 */
final class ApiScalars {
    /** Whole numbers sent exactly; a window that yields a fraction on a Long metric sends the fraction. */
    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A 64-bit whole number, sent exactly (counts, byte sums, ranks). A window function that"
                    + " yields a fraction (SHARE, CUMULATIVE_SHARE, MOVING_AVERAGE, PERCENT_CHANGE) on a Long metric"
                    + " sends that fraction.")
            .coercing(new LongOrFraction()).build();

    /** RFC 3339 date-times with an offset, in and out. */
    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime;

    /** A time dimension's value: an instant with its offset, a participant's wall-clock time, or a part's number. */
    static final GraphQLScalarType TIME_VALUE = GraphQLScalarType.newScalar().name("TimeValue")
            .description("The value of a time dimension (output only): an RFC 3339 date-time with the offset of the"
                    + " query's timezone (e.g. 2015-03-29T03:30:00.000+02:00); with timezone PARTICIPANT the"
                    + " participant's local wall-clock time without offset (e.g. 2015-03-29T03:30:00.000); with part"
                    + " a whole number (hour of day 0..23, ISO day of week 1 = Monday..7, month 1..12).")
            .coercing(new TimeValueCoercing()).build();

    private ApiScalars() {
    }

    private static final class LongOrFraction implements Coercing<Long, Object> {
        private static final Coercing<?, ?> LONG = ExtendedScalars.GraphQLLong.getCoercing();

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Double d && d != Math.rint(d)) {
                return d;
            }
            return LONG.serialize(value, context, locale);
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
