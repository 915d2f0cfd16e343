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

    /**
     * All of the filters; an empty list is true.
     *
     * @param implicit whether the user wrote no {@code and}: the fields (or operators) of one input object, which
     *        error paths then name as written ({@code having.count.gt}, not {@code having.and[0].count.gt})
     */
    record And(List<Filter> filters, boolean implicit) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }

        public And(List<Filter> filters) {
            this(filters, false);
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

    /**
     * Each comparison of a filter tree with the path to it as the user wrote it ({@code where.or[1].not}): the
     * fields of one input object are an implicit and, which adds nothing to the path. The one walk of the tree that
     * collects: {@link #compares} and {@link #fields} are made of it.
     */
    static void walk(Filter filter, String path, java.util.function.BiConsumer<String, Compare> each) {
        if (filter instanceof And and) {
            for (int i = 0; i < and.filters().size(); i++) {
                walk(and.filters().get(i), and.implicit() ? path : path + ".and[" + i + "]", each);
            }
        } else if (filter instanceof Or or) {
            for (int i = 0; i < or.filters().size(); i++) {
                walk(or.filters().get(i), path + ".or[" + i + "]", each);
            }
        } else if (filter instanceof Not not) {
            walk(not.filter(), path + ".not", each);
        } else if (filter instanceof Compare compare) {
            each.accept(path, compare);
        }
    }

    /** Every comparison of a filter tree, in order; none for null. */
    static List<Compare> compares(Filter filter) {
        List<Compare> out = new java.util.ArrayList<>();
        walk(filter, "", (path, compare) -> out.add(compare));
        return out;
    }

    /** The fields compared anywhere in a filter tree, in order (repeats included); none for null. */
    static List<String> fields(Filter filter) {
        return compares(filter).stream().map(Compare::field).toList();
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
