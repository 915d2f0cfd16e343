package qoegraph.graphql.fetch;

import static qoegraph.graphql.schema.RootArgumentNames.*;

import qoegraph.graphql.schema.DatasetInputs;
import qoegraph.query.ErrorCode;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.QueryError;
import qoegraph.query.Top;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of a dataset root field, onto a {@link Query.Builder}. */
final class RootArguments {

    private RootArguments() {
    }

    /**
     * @param where the row filters' mapper (former dimension names renamed)
     * @param having the group filters' mapper (former metric names renamed)
     */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> args, Query.Builder query, List<QueryError> errors, FilterMapper where,
                      FilterMapper having) {
        if (args.get(WHERE) != null) {
            query.where(where.filter((Map<String, Object>) args.get(WHERE)));
        }
        if (args.get(HAVING) != null) {
            query.having(having.filter((Map<String, Object>) args.get(HAVING)));
        }
        List<Map<String, Object>> orderBy = (List<Map<String, Object>>) args.get(ORDER_BY);
        for (int i = 0; orderBy != null && i < orderBy.size(); i++) {
            OrderBy key = orderKey(orderBy.get(i), "orderBy[" + i + "]", errors);
            if (key != null) {
                query.orderBy(key);
            }
        }
        if (args.get(TOP) != null) {
            Top top = top((Map<String, Object>) args.get(TOP), errors);
            if (top != null) {
                query.top(top);
            }
        }
        query.includeEmpty(Boolean.TRUE.equals(args.get(INCLUDE_EMPTY)));
        query.subtotals(Boolean.TRUE.equals(args.get(SUBTOTALS)));
        query.limit(intOr(args.get(LIMIT), Query.DEFAULT_LIMIT)).offset(intOr(args.get(OFFSET), 0));
        query.timezone(args.get(TIMEZONE) == null ? Query.DEFAULT_TIMEZONE : (String) args.get(TIMEZONE));
    }

    static boolean debug(Map<String, Object> args) {
        return Boolean.TRUE.equals(args.get(DEBUG));
    }

    /** {@code {count: DESC}} or {@code {field: "h", direction: DESC}}: one key per object keeps the order plain. */
    private static OrderBy orderKey(Map<String, Object> input, String path, List<QueryError> errors) {
        Map<String, Object> given = new LinkedHashMap<>(input);
        given.values().removeIf(v -> v == null);
        Object field = given.remove(DatasetInputs.ORDER_FIELD);
        Object direction = given.remove(DatasetInputs.ORDER_DIRECTION);
        if (field != null && given.isEmpty()) {
            return new OrderBy((String) field, direction == null ? OrderBy.Direction.ASC : (OrderBy.Direction) direction);
        }
        if (field == null && direction == null && given.size() == 1) {
            Map.Entry<String, Object> only = given.entrySet().iterator().next();
            return new OrderBy(only.getKey(), (OrderBy.Direction) only.getValue());
        }
        errors.add(new QueryError(ErrorCode.INVALID_ARGUMENT, path, "give one sort key per object, e.g. [{count:"
                + " DESC}, {isp: ASC}] or [{field: \"h\", direction: DESC}]; got " + describe(input)));
        return null;
    }

    private static String describe(Map<String, Object> input) {
        Map<String, Object> given = new LinkedHashMap<>(input);
        given.values().removeIf(v -> v == null);
        return given.isEmpty() ? "an empty object" : given.keySet().toString();
    }

    /** {@code by} names a metric, {@code byKey} a selected output key: exactly one of them. */
    @SuppressWarnings("unchecked")
    private static Top top(Map<String, Object> input, List<QueryError> errors) {
        List<String> partitionBy = input.get("partitionBy") == null ? List.of() : (List<String>) input.get("partitionBy");
        String by = (String) input.get("by");
        String byKey = (String) input.get(DatasetInputs.TOP_BY_KEY);
        if ((by == null) == (byKey == null)) {
            errors.add(new QueryError(ErrorCode.INVALID_ARGUMENT, "top", "give top one metric to rank by: by (a metric"
                    + " name, e.g. by: count) or byKey (the alias of a selected metric, e.g. byKey: \"big\"), not "
                    + (by == null ? "neither" : "both")));
            return null;
        }
        OrderBy.Direction direction = input.get("direction") == null ? OrderBy.Direction.DESC
                : (OrderBy.Direction) input.get("direction");
        return new Top((Integer) input.get("n"), by != null ? by : byKey, partitionBy,
                Boolean.TRUE.equals(input.get("other")), direction);
    }

    private static int intOr(Object value, int fallback) {
        return value == null ? fallback : (Integer) value;
    }
}
