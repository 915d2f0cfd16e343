package qoegraph.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One generated request and what its answer must be.
 *
 * @param params GET: the raw query string; POST: null
 * @param body   POST: the raw body; GET: null
 */
record FuzzCase(int id, String kind, String method, String params, String contentType, String accept, byte[] body,
                Expect expect) {

    /** What the answer may be. */
    enum Mode {
        /** a clean error, no data */
        ERROR,
        /** a clean error or any well-formed result */
        ANY,
        /** a result, without errors, that passes the check */
        RESULT,
        /** a clean error, or a result that passes the check */
        RESULT_OR_ERROR
    }

    /**
     * @param check given the response's {@code data}, null when right, else what is wrong
     */
    record Expect(Mode mode, Function<Map<String, Object>, String> check) {
        static Expect error() {
            return new Expect(Mode.ERROR, data -> null);
        }

        static Expect any() {
            return new Expect(Mode.ANY, data -> null);
        }

        static Expect result(Function<Map<String, Object>, String> check) {
            return new Expect(Mode.RESULT, check);
        }

        static Expect resultOrError(Function<Map<String, Object>, String> check) {
            return new Expect(Mode.RESULT_OR_ERROR, check);
        }

        /** {@code data[key]} is one row whose count is {@code expected}. */
        static Function<Map<String, Object>, String> count(String key, long expected) {
            return data -> {
                Object rows = data.get(key);
                if (!(rows instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof Map<?, ?> row)) {
                    return "expected one row under " + key + ", got " + rows;
                }
                Object count = row.get("count");
                return count instanceof Number n && n.longValue() == expected ? null
                        : "count " + count + ", expected " + expected;
            };
        }

        /** {@code data[key]} is a list of {@code expected} rows. */
        static Function<Map<String, Object>, String> rows(String key, long expected) {
            return data -> data.get(key) instanceof List<?> list && list.size() == expected ? null
                    : "expected " + expected + " rows under " + key + ", got " + data.get(key);
        }
    }

    /** A short, printable description for failure messages. */
    String describe() {
        String text = params != null ? "?" + params : new String(body, StandardCharsets.UTF_8);
        text = text.length() > 400 ? text.substring(0, 400) + "...(" + text.length() + " chars)" : text;
        return "#" + id + " " + kind + " " + method + " content-type=" + contentType + " accept=" + accept + " "
                + text.replaceAll("\\p{Cntrl}", "\u2423");
    }
}
