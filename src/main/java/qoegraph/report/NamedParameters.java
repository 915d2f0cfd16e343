package qoegraph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code :name} parameters in SQL text, outside string literals, quoted identifiers and comments, and
 * not in {@code ::} casts; and rewrites each one to a typed placeholder {@code CAST(? AS <type>)}. Values are
 * then bound in text order, repeats included: nothing a caller sends ever becomes SQL text.
 */
final class NamedParameters {

    /** One {@code :name} in the text: where it starts and ends, and its line in the file. */
    record Use(String name, int start, int end, int line) {
    }

    private NamedParameters() {
    }

    /** @param firstLine the file line the text starts on */
    static List<Use> find(String sql, int firstLine) {
        List<Use> uses = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                line += count(sql, i, end);
                i = end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                line += count(sql, i, end);
                i = end;
            } else if (c == ':' && sql.startsWith("::", i)) {
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && isStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && isPart(sql.charAt(end))) {
                    end++;
                }
                uses.add(new Use(sql.substring(i + 1, end), i, end, line));
                i = end;
            } else {
                i++;
            }
        }
        return uses;
    }

    /** The text with every use replaced by {@code CAST(? AS <sqlType>)}. */
    static String rewrite(String sql, List<Use> uses, Map<String, String> sqlTypes) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Use use : uses) {
            out.append(sql, from, use.start()).append("CAST(? AS ").append(sqlTypes.get(use.name())).append(')');
            from = use.end();
        }
        return out.append(sql.substring(from)).toString();
    }

    /** Index just after the literal that opens at {@code start}; a doubled quote stays inside. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end;
    }

    private static int count(String sql, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += sql.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    private static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether the text holds a {@code ;} outside literals and comments, i.e. more than one statement. */
    static int statementEnd(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == ';') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }
}
