package qoegraph.graphql.schema;

import graphql.schema.GraphQLEnumType;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;
import qoegraph.query.OrderBy;
import qoegraph.query.WindowFunction;

import java.util.Map;

/** The enums every dataset shares; their values are the engine's Java enums, so arguments arrive typed. */
final class ApiEnums {
    static final GraphQLEnumType GRANULARITY = enumType("Granularity",
            "Length of a time bucket. A bucket starts at the local start of the unit in the query's timezone"
                    + " (weeks on Monday); the value is the bucket's start.",
            Granularity.values(), Map.of(Granularity.MINUTE, "One minute.", Granularity.HOUR, "One hour.",
                    Granularity.DAY, "One local day.", Granularity.WEEK, "One week, Monday to Sunday.",
                    Granularity.MONTH, "One calendar month.", Granularity.QUARTER, "One calendar quarter.",
                    Granularity.YEAR, "One calendar year."));

    static final GraphQLEnumType DATE_PART = enumType("DatePart",
            "A cyclic part of the local time, in the query's timezone: the value is a whole number.",
            DatePart.values(), Map.of(DatePart.HOUR_OF_DAY, "Hour of day, 0..23.",
                    DatePart.DAY_OF_WEEK, "ISO day of week, 1 (Monday)..7 (Sunday).",
                    DatePart.MONTH_OF_YEAR, "Month of year, 1..12."));

    static final GraphQLEnumType WINDOW_FUNCTION = enumType("WindowFunction",
            "Turns a grouped metric into a window value over the result groups of each partition. Ranks order"
                    + " by the metric, highest first; the running functions follow the selected time dimension when"
                    + " there is one.",
            WindowFunction.values(), Map.of(
                    WindowFunction.RANK, "Rank by the metric, highest first; ties share a rank and leave gaps (Long).",
                    WindowFunction.DENSE_RANK, "Rank by the metric, highest first; ties share a rank, no gaps (Long).",
                    WindowFunction.ROW_NUMBER, "Row number by the metric, highest first; ties broken arbitrarily (Long).",
                    WindowFunction.SHARE, "value / partition total (Float, share 0..1).",
                    WindowFunction.CUMULATIVE_SUM, "Running total (the metric's type and unit).",
                    WindowFunction.CUMULATIVE_SHARE, "Running total / partition total (Float, share 0..1).",
                    WindowFunction.MOVING_AVERAGE, "Mean of this row and the size - 1 rows before it (Float, the"
                            + " metric's unit); needs size.",
                    WindowFunction.DIFFERENCE, "value - previous row's value (the metric's type and unit); null on"
                            + " the first row.",
                    WindowFunction.PERCENT_CHANGE, "(value - previous) / previous as a fraction, 0.25 = +25 %"
                            + " (Float); null on the first row."));

    static final GraphQLEnumType ORDER_DIRECTION = enumType("OrderDirection",
            "Sort direction; missing values always sort last.", OrderBy.Direction.values(),
            Map.of(OrderBy.Direction.ASC, "Smallest first.", OrderBy.Direction.DESC, "Largest first."));

    private ApiEnums() {
    }

    private static <E extends Enum<E>> GraphQLEnumType enumType(String name, String description, E[] values,
                                                                Map<E, String> docs) {
        GraphQLEnumType.Builder b = GraphQLEnumType.newEnum().name(name).description(description);
        for (E value : values) {
            b.value(value.name(), value, docs.get(value));
        }
        return b.build();
    }
}
