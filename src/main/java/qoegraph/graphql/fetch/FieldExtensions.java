package qoegraph.graphql.fetch;

import graphql.extensions.ExtensionsBuilder;
import graphql.schema.DataFetchingEnvironment;
import qoegraph.plan.Source;
import qoegraph.sql.SqlStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the response's {@code extensions.fields.<path>} says about one dataset or report field (the path is its
 * response path, {@link #key}): what served it,
 * the rows, whether the limit cut them, whether they came from the result cache, the time taken, and with {@code debug: true} the SQL and its
 * parameters.
 *
 * @param cached    whether the rows came from the result cache
 * @param statement null unless the query asked for debug
 * @param warnings what the query may not mean as written (a filter value that matches no known value), each a map
 *        with code, message, path, value and the closest known values; none is left out of the response
 */
record FieldExtensions(Source source, int rows, boolean truncated, long millis, boolean cached, SqlStatement statement,
                   List<Map<String, Object>> warnings) {
    static final String KEY = "fields";

    void addTo(DataFetchingEnvironment env) {
        addTo(env, toMap());
    }

    /** Adds {@code entry} as {@code extensions.fields.<key>}, the key being the field's response path. */
    static void addTo(DataFetchingEnvironment env, Map<String, Object> entry) {
        ExtensionsBuilder extensions = env.getGraphQlContext().get(ExtensionsBuilder.class);
        if (extensions != null) {
            extensions.addValues(Map.of(KEY, Map.of(key(env), entry)));
        }
    }

    /**
     * The field's response path, its keys (aliases) joined by dots: {@code sessions}, {@code byIsp},
     * {@code r2.streamHealth}. Two fields of one response never share it (a name cannot hold a dot).
     */
    static String key(DataFetchingEnvironment env) {
        return env.getExecutionStepInfo().getPath().getKeysOnly().stream().collect(Collectors.joining("."));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(source.kind(), source.name());
        map.put("rows", rows);
        map.put("truncated", truncated);
        map.put("ms", millis);
        map.put("cached", cached);
        if (!warnings.isEmpty()) {
            map.put("warnings", warnings);
        }
        if (statement != null) {
            map.put("sql", statement.sql());
            map.put("params", statement.params().stream().map(FieldExtensions::json).toList());
        }
        return map;
    }

    /** Numbers, booleans and text stay as they are; times and the rest as their ISO text. */
    private static Object json(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value instanceof List<?> list ? list.stream().map(FieldExtensions::json).toList() : value.toString();
    }
}
