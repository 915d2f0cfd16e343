package qoegraph.difftest;

import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's text form of an array, {@code {a,"b c",NULL}}, read by this package's own code. */
final class PgArrays {
    private PgArrays() {
    }

    /** The elements (an unquoted NULL is null); null for a null field. */
    static List<String> parse(String text) {
        if (text == null) {
            return null;
        }
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("not an array: " + text);
        }
        List<String> out = new ArrayList<>();
        String body = text.substring(1, text.length() - 1);
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) == '"') {
                StringBuilder element = new StringBuilder();
                i++;
                while (body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\') {
                        i++;
                    }
                    element.append(body.charAt(i++));
                }
                out.add(element.toString());
                i++; // closing quote
            } else {
                int comma = body.indexOf(',', i);
                int end = comma < 0 ? body.length() : comma;
                String element = body.substring(i, end);
                out.add(element.equals("NULL") ? null : element);
                i = end;
            }
            i++; // the comma
        }
        return out;
    }
}
