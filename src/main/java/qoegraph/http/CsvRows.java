package qoegraph.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one list of rows of an answer as CSV (RFC 4180: comma, CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled). The list may be a root field ({@code sessions}) or nested in objects
 * ({@code reports { streamHealth }}, {@code catalog { tables }}); an answer with more than one list has no single
 * table to give. The header is the rows' keys (aliases included), or the selected fields' keys when there is no
 * row; numbers are written as in the JSON answer ({@link PlainNumbers}); a nested value (object, list) as its JSON.
 */
final class CsvRows {
    private CsvRows() {
    }

    /** The CSV text and the path of its list ({@code ["reports", "streamHealth"]}), or why there is none. */
    record Table(String csv, List<String> path, String problem) {
        /** The download name: the list's key, {@code streamHealth.csv}. */
        String fileName() {
            return path.get(path.size() - 1) + ".csv";
        }

        /** The answer to send: UTF-8 bytes, or the problem. */
        Answer answer() {
            return problem != null ? new Answer(null, null, problem)
                    : new Answer(csv.getBytes(StandardCharsets.UTF_8), fileName(), null);
        }
    }

    /** A CSV answer as sent: its body and download name, or why there is none. */
    record Answer(byte[] body, String fileName, String problem) {
    }

    /** As below, with no header when there is no row. */
    static Table of(Map<String, Object> response, Function<Object, String> toJson) {
        return of(response, toJson, path -> List.of());
    }

    /**
     * @param selected the selected fields' keys under a list's response path, asked for only when the list has no row
     */
    static Table of(Map<String, Object> response, Function<Object, String> toJson,
                    Function<List<String>, List<String>> selected) {
        if (response.get("errors") != null) {
            return refused("the query has errors: ask for JSON to see them");
        }
        if (!(response.get("data") instanceof Map<?, ?> data)) {
            return refused("the answer has no data");
        }
        List<RowList> lists = new ArrayList<>();
        collect(data, new ArrayList<>(), lists);
        if (lists.size() != 1) {
            return refused("CSV answers one list of rows; this query selects " + lists.size()
                    + (lists.isEmpty() ? "" : " (" + String.join(", ", lists.stream().map(RowList::dotted).toList())
                    + ")") + ": select one, or ask for JSON");
        }
        RowList list = lists.get(0);
        if (!list.rows().stream().allMatch(r -> r instanceof Map)) {
            return refused("CSV needs a list of rows (objects); " + list.dotted() + " is a list of values");
        }
        return new Table(write(list.rows(), toJson, () -> selected.apply(list.path())), list.path(), null);
    }

    private static Table refused(String problem) {
        return new Table(null, List.of(), problem);
    }

    /** A list found in the answer's data, with its response path ({@code ["reports", "streamHealth"]}). */
    private record RowList(List<String> path, List<?> rows) {
        String dotted() {
            return String.join(".", path);
        }
    }

    /** Every list under objects, with its path; a list's own elements (rows) are not searched. */
    private static void collect(Object node, List<String> path, List<RowList> lists) {
        if (node instanceof List<?> list) {
            lists.add(new RowList(List.copyOf(path), list));
        } else if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                path.add(String.valueOf(key));
                collect(value, path, lists);
                path.remove(path.size() - 1);
            });
        }
    }

    private static String write(List<?> rows, Function<Object, String> toJson,
                                java.util.function.Supplier<List<String>> selected) {
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

    static void line(StringBuilder csv, List<?> values, Function<Object, String> toJson) {
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
        String text = value instanceof Number number ? PlainNumbers.text(number) : String.valueOf(value);
        if (text == null) {
            return "";
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
