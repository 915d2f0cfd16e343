package qoegraph.graphql.fetch;

import qoegraph.graphql.schema.RowType;
import graphql.schema.SelectedField;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.query.DatePart;
import qoegraph.query.ErrorCode;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.QueryError;
import qoegraph.query.QueryException;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root field's selection and arguments as the engine's {@link Query}. The selection set is read one
 * level deep ({@code getImmediateFields()}: fragments, aliases and @include/@skip already resolved by
 * graphql-java); each field becomes a dimension or a metric under its result key ({@code share} a share metric,
 * {@code totalOver} the subtotal mark). Deprecated former names become the names they have now, so the engine
 * sees one name per thing.
 */
public final class SelectionMapper {
    private final Dataset dataset;
    private final FilterMapper where;

    public SelectionMapper(Dataset dataset) {
        this.dataset = dataset;
        this.where = new FilterMapper(name -> dataset.renamedDimensions().getOrDefault(name, name));
    }

    /** @throws QueryException for what the schema cannot rule out (e.g. a two-key orderBy object) */
    Query toQuery(List<SelectedField> fields, Map<String, Object> arguments) {
        List<QueryError> errors = new ArrayList<>();
        Query.Builder query = Query.newQuery(dataset.name());
        Set<String> keys = new HashSet<>();
        for (SelectedField field : fields) {
            if (!field.getName().startsWith("__")) {
                select(field, query, errors);
                keys.add(field.getResultKey());
            }
        }
        // a having key is a selected output key, or a metric's name: a former one is renamed unless it is a key
        FilterMapper having = new FilterMapper(name -> keys.contains(name) ? name
                : dataset.renamedMetrics().getOrDefault(name, name));
        RootArguments.apply(arguments, query, errors, where, having);
        if (!errors.isEmpty()) {
            throw new QueryException(errors);
        }
        return query.build();
    }

    private void select(SelectedField field, Query.Builder query, List<QueryError> errors) {
        String name = field.getName();
        Map<String, Object> args = field.getArguments();
        if (name.equals(RowType.TOTAL_OVER)) {
            query.totalOver(field.getResultKey());
            return;
        }
        if (name.equals(RowType.SHARE)) {
            query.metric(share(field, args));
            return;
        }
        boolean bucketed = args.get(RowType.BUCKET_WIDTH) != null || args.get(RowType.LOG_BASE) != null;
        String dimensionName = bucketed ? dataset.renamedDimensions().getOrDefault(name, name) : name;
        String metricName = dataset.renamedMetrics().getOrDefault(name, name);
        boolean isMetric = dataset.metric(metricName).isPresent()
                && !(bucketed && dataset.dimension(dimensionName).isPresent());
        if (isMetric) {
            query.metric(metric(field, metricName, args));
            return;
        }
        if (args.get(RowType.WINDOW) != null || args.get(RowType.WHERE) != null) {
            errors.add(new QueryError(ErrorCode.INVALID_ARGUMENT, "dimensions." + field.getResultKey(), name
                    + " with bucketWidth or logBase is the dimension, which takes no window and no where; select the"
                    + " metric under another alias"));
        }
        query.dimension(dimension(field, dimensionName, args));
    }

    private SelectedMetric metric(SelectedField field, String name, Map<String, Object> args) {
        Double q = number(args.get(RowType.Q));
        return new SelectedMetric(field.getResultKey(), name, window(args.get(RowType.WINDOW)), q,
                rowFilter(args.get(RowType.WHERE)), false);
    }

    private SelectedMetric share(SelectedField field, Map<String, Object> args) {
        String of = args.get(RowType.SHARE_OF) == null ? "count" : (String) args.get(RowType.SHARE_OF);
        return SelectedMetric.share(field.getResultKey(), of, rowFilter(args.get(RowType.WHERE)))
                .window(window(args.get(RowType.WINDOW)));
    }

    @SuppressWarnings("unchecked")
    private Filter rowFilter(Object input) {
        return input == null ? null : where.filter((Map<String, Object>) input);
    }

    @SuppressWarnings("unchecked")
    private static Window window(Object input) {
        if (input == null) {
            return null;
        }
        Map<String, Object> window = (Map<String, Object>) input;
        List<String> partitionBy = window.get("partitionBy") == null ? List.of() : (List<String>) window.get("partitionBy");
        return new Window((WindowFunction) window.get("fn"), partitionBy, (Integer) window.get("size"),
                (OrderBy.Direction) window.get("direction"));
    }

    private SelectedDimension dimension(SelectedField field, String name, Map<String, Object> args) {
        Dimension d = dataset.dimension(name)
                .orElseThrow(() -> new IllegalStateException("schema offers unknown field " + field.getName()));
        return new SelectedDimension(field.getResultKey(), d.name(), (Granularity) args.get(RowType.GRANULARITY),
                (DatePart) args.get(RowType.PART), number(args.get(RowType.BUCKET_WIDTH)),
                number(args.get(RowType.LOG_BASE)));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
