package qoegraph.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The string filter operators of the API, evaluated in plain Java with SQL's rules: a NULL value matches
 * nothing (not even {@code neq}); strings compare by their UTF-8 bytes (as DuckDB does); {@code like} has no
 * escape character, {@code contains}/{@code startsWith}/{@code endsWith} take the value literally.
 */
final class StringOps {

    /** Operators that take one string. */
    static final List<String> SINGLE = List.of("eq", "neq", "gt", "gte", "lt", "lte", "contains", "startsWith",
            "endsWith", "like", "ilike");

    private StringOps() {
    }

    static boolean test(String op, String value, String operand) {
        if (value == null) {
            return false;
        }
        return switch (op) {
            case "eq" -> value.equals(operand);
            case "neq" -> !value.equals(operand);
            case "gt" -> compare(value, operand) > 0;
            case "gte" -> compare(value, operand) >= 0;
            case "lt" -> compare(value, operand) < 0;
            case "lte" -> compare(value, operand) <= 0;
            case "contains" -> value.contains(operand);
            case "startsWith" -> value.startsWith(operand);
            case "endsWith" -> value.endsWith(operand);
            case "like" -> like(value, operand);
            case "ilike" -> like(value.toLowerCase(Locale.ROOT), operand.toLowerCase(Locale.ROOT));
            default -> throw new IllegalArgumentException(op);
        };
    }

    static boolean in(String value, List<String> operands) {
        return value != null && operands.contains(value);
    }

    static boolean notIn(String value, List<String> operands) {
        return value != null && !operands.contains(value);
    }

    static boolean between(String value, String low, String high) {
        return value != null && compare(value, low) >= 0 && compare(value, high) <= 0;
    }

    static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** SQL LIKE by code points: % any run, _ any one character. */
    static boolean like(String value, String pattern) {
        int[] v = value.codePoints().toArray();
        int[] p = pattern.codePoints().toArray();
        boolean[][] match = new boolean[p.length + 1][v.length + 1];
        match[p.length][v.length] = true;
        for (int i = p.length - 1; i >= 0; i--) {
            for (int j = v.length; j >= 0; j--) {
                if (p[i] == '%') {
                    match[i][j] = match[i + 1][j] || (j < v.length && match[i][j + 1]);
                } else {
                    match[i][j] = j < v.length && (p[i] == '_' || p[i] == v[j]) && match[i + 1][j + 1];
                }
            }
        }
        return match[0][0];
    }
}
