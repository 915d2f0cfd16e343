package qoegraph.query;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import qoegraph.model.Dataset;
import qoegraph.model.FieldType;
import qoegraph.model.Metric;
import qoegraph.model.Names;

/** Checks a {@code where} or {@code having} tree: fields exist on the right side, operators and values fit. */
final class FilterChecker {
    private final Dataset dataset;
    private final Query query;
    private final Consumer<QueryError> errors;

    /** Each value of an in / nin list is a bind parameter: 20,000 of them cost about a second to bind. */
    public static final int MAX_LIST_VALUES = 1000;

    FilterChecker(Dataset dataset, Query query, Consumer<QueryError> errors) {
        this.dataset = dataset;
        this.query = query;
        this.errors = errors;
    }

    void checkWhere(Filter filter) {
        checkWhere(filter, "where");
    }

    /** A row filter at {@code path}: the root field's where, or a metric's own. */
    void checkWhere(Filter filter, String path) {
        walk(filter, path, true);
    }

    void checkHaving(Filter filter) {
        walk(filter, "having", false);
    }

    private void walk(Filter filter, String path, boolean where) {
        Filter.walk(filter, path, (at, compare) -> {
            String field = at + "." + compare.field();
            FieldType type = where ? whereType(compare.field(), field) : havingType(compare.field(), field);
            if (type != null) {
                checkCompare(compare, type, field + "." + compare.op().apiName());
            }
        });
    }

    private FieldType whereType(String field, String path) {
        if (dataset.dimension(field).isPresent()) {
            return dataset.dimension(field).get().type();
        }
        if (dataset.metric(field).isPresent()) {
            error(ErrorCode.INVALID_FILTER, path, "'" + field + "' is a metric: filter groups on it in having");
            return null;
        }
        error(ErrorCode.UNKNOWN_FIELD, path, "unknown dimension '" + field + "' in " + dataset.name()
                + Names.didYouMean(field, dataset.dimensions().keySet()));
        return null;
    }

    private FieldType havingType(String field, String path) {
        SelectedMetric selected = query.metricByKey(field).orElse(null);
        if (selected != null && selected.window() != null) {
            error(ErrorCode.INVALID_FILTER, path, "'" + field + "' is a window value; having filters grouped values only");
            return null;
        }
        if (selected != null && selected.share()) {
            return FieldType.FLOAT;
        }
        Metric metric = dataset.metric(selected != null ? selected.name() : field).orElse(null);
        if (metric == null && dataset.dimension(field).isPresent()) {
            error(ErrorCode.INVALID_FILTER, path, "'" + field + "' is a dimension: filter rows on it in where");
            return null;
        }
        if (metric == null) {
            error(ErrorCode.UNKNOWN_FIELD, path, "unknown metric '" + field + "' in " + dataset.name()
                    + Names.didYouMean(field, dataset.metrics().keySet()));
            return null;
        }
        if (selected == null && metric.takesQuantile()) {
            error(ErrorCode.INVALID_FILTER, path, "'" + field + "' needs q: select it with q and filter on its key");
            return null;
        }
        return metric.type();
    }

    private void checkCompare(Filter.Compare compare, FieldType type, String path) {
        Set<Operator> allowed = OperatorRules.allowed(type);
        if (!allowed.contains(compare.op())) {
            error(ErrorCode.INVALID_FILTER, path, "'" + compare.op().apiName() + "' does not apply to "
                    + compare.field() + " (" + type.graphqlName() + "); use one of "
                    + allowed.stream().map(Operator::apiName).collect(Collectors.joining(", ")));
            return;
        }
        if (compare.value() instanceof List<?> list && list.size() > MAX_LIST_VALUES) {
            error(ErrorCode.LIMIT_EXCEEDED, path, compare.op().apiName() + " has " + list.size() + " values > "
                    + MAX_LIST_VALUES + ", the most one list may hold; group the values into a dimension, or split"
                    + " the query");
            return;
        }
        String problem = valueProblem(compare.op(), type, compare.value());
        if (problem != null) {
            error(ErrorCode.INVALID_FILTER, path, problem);
        }
    }

    private static String valueProblem(Operator op, FieldType type, Object value) {
        if (op == Operator.IS_NULL) {
            return value instanceof Boolean ? null : "isNull takes true or false, got " + Values.describe(value);
        }
        FieldType element = type.elementType();
        if (op.takesList()) {
            return listProblem(op, element, value);
        }
        if (value == null) {
            return op.apiName() + " needs a value; use isNull to find missing values";
        }
        return Values.accepts(element, value) ? null
                : op.apiName() + " on " + type.graphqlName() + " needs a " + element.graphqlName()
                + " value, got " + Values.describe(value);
    }

    private static String listProblem(Operator op, FieldType element, Object value) {
        if (!(value instanceof List)) {
            return op.apiName() + " takes a list, got " + Values.describe(value);
        }
        List<?> values = (List<?>) value;
        if (op.takesPair() && values.size() != 2) {
            return op.apiName() + " takes two values [low, high], got " + values.size();
        }
        for (Object v : values) {
            if (!Values.accepts(element, v)) {
                return op.apiName() + " needs " + element.graphqlName() + " values, got " + Values.describe(v);
            }
        }
        return null;
    }

    private void error(ErrorCode code, String path, String message) {
        errors.accept(new QueryError(code, path, message));
    }
}
