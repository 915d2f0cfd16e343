package qoegraph.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A row filter ({@code where}, on dimensions) or group filter ({@code having}, on metrics): comparisons
 * combined with and / or / not. Values are plain Java values (String, Number, Boolean, time values, lists);
 * they only ever reach SQL as bind parameters.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Compare {

    /** All of the filters; an empty list is true. */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    /** Any of the filters; an empty list is false. */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * {@code field op value}; {@code field} is a dimension name in {@code where}, a metric (output key or
     * name) in {@code having}.
     */
    record Compare(String field, Operator op, Object value) implements Filter {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            if (value instanceof List) {
                value = java.util.Collections.unmodifiableList(new java.util.ArrayList<>((List<?>) value));
            }
        }
    }

    static Filter and(Filter... filters) {
        return new And(Arrays.asList(filters));
    }

    static Filter or(Filter... filters) {
        return new Or(Arrays.asList(filters));
    }

    static Filter not(Filter filter) {
        return new Not(filter);
    }

    static Filter compare(String field, Operator op, Object value) {
        return new Compare(field, op, value);
    }

    static Filter eq(String field, Object value) {
        return new Compare(field, Operator.EQ, value);
    }
}
