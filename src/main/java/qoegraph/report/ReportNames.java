package qoegraph.report;

import java.util.regex.Pattern;

/** The names a report file may use, and their GraphQL spelling. */
final class ReportNames {
    static final Pattern REPORT = Pattern.compile("[a-z][A-Za-z0-9]*");
    static final Pattern SQL = Pattern.compile("[a-z][a-z0-9_]*");

    private ReportNames() {
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return out.toString();
    }
}
