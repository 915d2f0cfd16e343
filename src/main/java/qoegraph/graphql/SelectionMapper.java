package qoegraph.graphql;

import graphql.schema.SelectedField;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.query.DatePart;
import qoegraph.query.ErrorCode;
import qoegraph.query.Granularity;
import qoegraph.query.Query;
import qoegraph.query.QueryError;
import qoegraph.query.QueryException;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A root field's selection and arguments as the engine's {@link Query}. The selection set is read one
 * level deep ({@code getImmediateFields()}: fragments, aliases and @include/@skip already resolved by
 * graphql-java); each field becomes a dimension or a metric under its result key.
 */
final class SelectionMapper {
    private final Dataset dataset;

    SelectionMapper(Dataset dataset) {
        this.dataset = dataset;
    }

    /** @throws QueryException for what the schema cannot rule out (e.g. a two-key orderBy object) */
    Query toQuery(List<SelectedField> fields, Map<String, Object> arguments) {
        List<QueryError> errors = new ArrayList<>();
        Query.Builder query = Query.newQuery(dataset.name());
        for (SelectedField field : fields) {
            if (!field.getName().startsWith("__")) {
                select(field, query, errors);
            }
        }
        RootArguments.apply(arguments, query, errors);
        if (!errors.isEmpty()) {
            throw new QueryException(errors);
        }
        return query.build();
    }

    private void select(SelectedField field, Query.Builder query, List<QueryError> errors) {
        String name = field.getName();
        Map<String, Object> args = field.getArguments();
        boolean bucketed = args.get(RowType.BUCKET_WIDTH) != null || args.get(RowType.LOG_BASE) != null;
        boolean isMetric = dataset.metric(name).isPresent() && !(bucketed && dataset.dimension(name).isPresent());
        if (isMetric) {
            query.metric(metric(field, args));
            return;
        }
        if (args.get(RowType.WINDOW) != null) {
            errors.add(new QueryError(ErrorCode.INVALID_ARGUMENT, "dimensions." + field.getResultKey(), name
                    + " with bucketWidth or logBase is the dimension, which takes no window; select the metric"
                    + " under another alias"));
        }
        query.dimension(dimension(field, args));
    }

    private static SelectedMetric metric(SelectedField field, Map<String, Object> args) {
        Double q = number(args.get(RowType.Q));
        return new SelectedMetric(field.getResultKey(), field.getName(), window(args.get(RowType.WINDOW)), q);
    }

    @SuppressWarnings("unchecked")
    private static Window window(Object input) {
        if (input == null) {
            return null;
        }
        Map<String, Object> window = (Map<String, Object>) input;
        List<String> partitionBy = window.get("partitionBy") == null ? List.of() : (List<String>) window.get("partitionBy");
        return new Window((WindowFunction) window.get("fn"), partitionBy, (Integer) window.get("size"));
    }

    private SelectedDimension dimension(SelectedField field, Map<String, Object> args) {
        Dimension d = dataset.dimension(field.getName())
                .orElseThrow(() -> new IllegalStateException("schema offers unknown field " + field.getName()));
        return new SelectedDimension(field.getResultKey(), d.name(), (Granularity) args.get(RowType.GRANULARITY),
                (DatePart) args.get(RowType.PART), number(args.get(RowType.BUCKET_WIDTH)),
                number(args.get(RowType.LOG_BASE)));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
