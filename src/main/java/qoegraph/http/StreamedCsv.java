package qoegraph.http;

import qoegraph.graphql.fetch.CompletedRows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CSV answer of a query whose one root field's rows skipped graphql-java's completion ({@link CompletedRows}),
 * written row by row as {@link CsvRows} writes the completed list (same header, same fields, same line ends),
 * without the whole text in memory. Any other answer (errors, other fields, rows nested in objects) is left to
 * {@link CsvRows}, which also writes {@link CompletedRows} right.
 *
 * @param key  the root field's result key: the download is {@code <key>.csv}
 */
record StreamedCsv(String key, CompletedRows rows) {

    /** The streamed CSV of {@code spec}; null when {@link CsvRows} answers it. */
    static StreamedCsv of(Map<String, Object> spec) {
        if (spec.get("errors") != null || !(spec.get("data") instanceof Map<?, ?> data) || data.size() != 1) {
            return null;
        }
        Map.Entry<?, ?> field = data.entrySet().iterator().next();
        return field.getValue() instanceof CompletedRows rows ? new StreamedCsv(String.valueOf(field.getKey()), rows) : null;
    }

    String fileName() {
        return key + ".csv";
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(StreamedBody.CHUNK + 1024);
        CsvRows.line(text, rows.keys(), ResponseJson::write);
        List<Object> values = new ArrayList<>(rows.columnCount());
        for (int r = 0; r < rows.size(); r++) {
            values.clear();
            for (int c = 0; c < rows.columnCount(); c++) {
                values.add(rows.value(r, c));
            }
            CsvRows.line(text, values, ResponseJson::write);
            if (text.length() >= StreamedBody.CHUNK) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.close();
    }
}
