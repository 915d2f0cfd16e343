package qoegraph.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of a one-root-field answer as CSV (RFC 4180: comma, CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled). The header is the rows' keys (aliases included), or the selected fields' keys when there
 * is no row; a nested value (object, list) is written as its JSON.
 */
final class CsvRows {
    private CsvRows() {
    }

    /** As below, with no header when there is no row. */
    static Optional<String> of(Map<String, Object> response, Function<Object, String> toJson, String[] problem) {
        return of(response, toJson, problem, List::of);
    }

    /**
     * The CSV text, or empty with the reason in {@code problem[0]} when the answer is not one list of rows.
     *
     * @param selected the selected fields' keys, asked for only when there is no row to take the header from
     */
    static Optional<String> of(Map<String, Object> response, Function<Object, String> toJson, String[] problem,
                               Supplier<List<String>> selected) {
        if (response.get("errors") != null) {
            problem[0] = "the query has errors: ask for JSON to see them";
            return Optional.empty();
        }
        if (!(response.get("data") instanceof Map<?, ?> data) || data.size() != 1) {
            problem[0] = "CSV needs exactly one root field in the query; this one has "
                    + (response.get("data") instanceof Map<?, ?> d ? d.size() : 0);
            return Optional.empty();
        }
        Object rows = data.values().iterator().next();
        List<?> list = rows instanceof List<?> l ? l : rows == null ? List.of() : List.of(rows);
        if (!list.stream().allMatch(r -> r instanceof Map)) {
            problem[0] = "CSV needs a root field whose answer is rows (objects)";
            return Optional.empty();
        }
        return Optional.of(write(list, toJson, selected));
    }

    private static String write(List<?> rows, Function<Object, String> toJson, Supplier<List<String>> selected) {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> ((Map<?, ?>) r).keySet().forEach(k -> header.add(String.valueOf(k))));
        if (rows.isEmpty()) {
            header.addAll(selected.get());
            if (header.isEmpty()) {
                return "";
            }
        }
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(header), toJson);
        for (Object row : rows) {
            List<Object> values = new ArrayList<>();
            header.forEach(h -> values.add(((Map<?, ?>) row).get(h)));
            line(csv, values, toJson);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> values, Function<Object, String> toJson) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Object text = value instanceof Map || value instanceof List ? toJson.apply(value) : value;
            csv.append(i == 0 ? "" : ",").append(field(text));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
