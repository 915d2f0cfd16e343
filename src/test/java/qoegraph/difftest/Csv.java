package qoegraph.difftest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small CSV reader of this package's own, so that expected figures never go through the ingest code:
 * fields split on commas, double quotes around a field with {@code ""} for a quote inside. An empty field is
 * null (PostgreSQL's CSV export writes NULL as an empty unquoted field); a quoted empty field is "".
 */
final class Csv {
    private Csv() {
    }

    /** Calls {@code row} for each data line after the header; returns the header's fields. */
    static List<String> read(Path file, Consumer<String[]> row) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    row.accept(split(line));
                }
            }
            return List.of(split(header));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"' && i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(end == i ? null : line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields.toArray(new String[0]);
            }
            i++; // the comma
            if (i == n) {
                fields.add(null);
                return fields.toArray(new String[0]);
            }
        }
    }
}
