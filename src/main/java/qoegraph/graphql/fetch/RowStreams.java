package qoegraph.graphql.fetch;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dataset rows that skip graphql-java's completion, for one request. graphql-java completes an answer of 100,000
 * rows x 6 fields value by value (600,000 steps, each with its path, step info and result node: seconds); a row's
 * value is only its scalar's coercion. When the HTTP layer opens this in the request's GraphQL context
 * ({@link #open}), a dataset root field whose every value completes without an error ({@link RowColumn#accepts})
 * hands its rows here and answers an empty list; {@link #fill} puts them back into the answer as
 * {@link CompletedRows}, which complete each value only as it is written. Parsing, validation, the limits and the
 * fetcher run as before, so every error and {@code extensions} are those graphql-java gives.
 */
public final class RowStreams {
    private final Map<String, CompletedRows> byKey = new ConcurrentHashMap<>();

    private RowStreams() {
    }

    /** Lets the dataset fields of the request with {@code context} hand their rows over. */
    public static void open(GraphQLContext context) {
        context.put(RowStreams.class, new RowStreams());
    }

    /**
     * Takes a root field's rows when the request opened row streams and every value completes without an error.
     *
     * @return whether they were taken: the field then answers an empty list, filled in by {@link #fill}
     */
    static boolean offer(DataFetchingEnvironment env, List<Map<String, Object>> rows) {
        RowStreams streams = env.getGraphQlContext().get(RowStreams.class);
        if (streams == null || env.getExecutionStepInfo().getPath().getLevel() != 1) {
            return false;
        }
        List<RowColumn> columns = columns(env);
        if (columns == null) {
            return false;
        }
        CompletedRows completed = new CompletedRows(rows, columns, env.getGraphQlContext(), env.getLocale());
        if (!completed.acceptedWhole()) {
            return false;
        }
        streams.byKey.put(env.getField().getResultKey(), completed);
        return true;
    }

    /** The selected fields, one per result key in selection order; null when one is not a row field or __typename. */
    private static List<RowColumn> columns(DataFetchingEnvironment env) {
        String rowType = GraphQLTypeUtil.unwrapAll(env.getFieldType()).getName();
        Set<String> keys = new LinkedHashSet<>();
        List<RowColumn> columns = new ArrayList<>();
        for (SelectedField field : env.getSelectionSet().getImmediateFields()) {
            if (!keys.add(field.getResultKey())) {
                continue;   // the same key again: graphql-java merged them into one field
            }
            if (field.getName().equals("__typename")) {
                columns.add(RowColumn.typeName(field.getResultKey(), rowType));
            } else if (field.getName().startsWith("__")) {
                return null;
            } else {
                GraphQLType type = field.getType();
                columns.add(RowColumn.field(field.getResultKey(), type));
            }
        }
        return columns;
    }

    /**
     * The answer with the rows handed over in place of the empty lists their fields answered; {@code spec} itself
     * when none were (or the request did not open row streams).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fill(Map<String, Object> spec, GraphQLContext context) {
        RowStreams streams = context.get(RowStreams.class);
        if (streams == null || streams.byKey.isEmpty() || !(spec.get("data") instanceof Map<?, ?> data)) {
            return spec;
        }
        Map<String, Object> filled = new LinkedHashMap<>((Map<String, Object>) data);
        streams.byKey.forEach((key, rows) -> {
            if (filled.get(key) instanceof List<?> list && list.isEmpty()) {
                filled.put(key, rows);
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>(spec);
        answer.put("data", filled);
        return answer;
    }

    /** Whether {@code spec} holds rows written without graphql-java's completion. */
    public static boolean in(Map<String, Object> spec) {
        return spec.get("data") instanceof Map<?, ?> data && data.values().stream().anyMatch(CompletedRows.class::isInstance);
    }
}
