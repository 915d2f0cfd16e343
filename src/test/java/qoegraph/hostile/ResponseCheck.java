package qoegraph.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import qoegraph.query.ErrorCode;
import qoegraph.hostile.FuzzCase.Mode;

/**
 * Judges one answer: never a 5xx, never a stack trace or a Java class name, errors as GraphQL errors with a
 * known {@code extensions.code}, and results as the case expects. INTERNAL is refused too: it means the server
 * failed on its own, not on the request.
 */
final class ResponseCheck {

    /** Codes besides {@link ErrorCode}: the HTTP layer's and the persisted-query protocol's. */
    static final Set<String> CODES = Stream.concat(Arrays.stream(ErrorCode.values()).map(Enum::name)
                    .filter(c -> !c.equals("INTERNAL")),
            Stream.of("BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_HASH_MISMATCH"))
            .collect(Collectors.toSet());
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[\\w.$]+\\(|java\\.(lang|util|io|sql)\\."
            + "|io\\.micronaut|org\\.duckdb|com\\.fasterxml|graphql\\.(execution|schema|language|parser|validation)\\."
            + "|qoegraph\\.[a-z]+\\.[A-Z]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the answer told: the codes seen (or OK / CSV), and a problem, null when the answer is right. */
    record Verdict(List<String> codes, String problem) {
    }

    private ResponseCheck() {
    }

    static Verdict judge(FuzzCase c, int status, String contentType, String body) {
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            return new Verdict(List.of("HTTP " + status), "HTTP " + status + ": " + abbreviate(body));
        }
        if (LEAK.matcher(body).find()) {
            return new Verdict(List.of("LEAK"), "internals in the answer: " + abbreviate(body));
        }
        if (contentType.startsWith("text/csv") || contentType.startsWith("text/plain")) {
            boolean ok = c.expect().mode() != Mode.ERROR || status >= 400;
            return new Verdict(List.of(contentType.substring(0, 8) + " " + status),
                    ok ? null : "a " + status + " CSV answer to a request that must fail");
        }
        Map<?, ?> response;
        try {
            response = JSON.readValue(body, Map.class);
        } catch (Exception e) {
            return new Verdict(List.of("NOT JSON"), "HTTP " + status + " " + contentType + ", not a JSON object: "
                    + abbreviate(body));
        }
        return judge(c, response);
    }

    @SuppressWarnings("unchecked")
    private static Verdict judge(FuzzCase c, Map<?, ?> response) {
        Object errors = response.get("errors");
        Object data = response.get("data");
        if (errors == null) {
            if (!(data instanceof Map<?, ?> map)) {
                return new Verdict(List.of("NO DATA"), "neither errors nor data: " + response);
            }
            if (c.expect().mode() == Mode.ERROR) {
                return new Verdict(List.of("OK"), "a result where an error was due: " + abbreviate(response));
            }
            String wrong = c.expect().check().apply((Map<String, Object>) map);
            return new Verdict(List.of("OK"), wrong == null ? null : "wrong result: " + wrong);
        }
        if (!(errors instanceof List<?> list) || list.isEmpty()) {
            return new Verdict(List.of("BAD ERRORS"), "errors is not a non-empty list: " + abbreviate(response));
        }
        List<String> codes = list.stream().map(ResponseCheck::code).toList();
        for (int i = 0; i < codes.size(); i++) {
            if (!CODES.contains(codes.get(i))) {
                return new Verdict(codes, "error without a known code or message: " + list.get(i));
            }
        }
        if (c.expect().mode() == Mode.RESULT) {
            return new Verdict(codes, "errors where a result was due: " + abbreviate(response));
        }
        return new Verdict(codes, null);
    }

    private static String code(Object error) {
        if (error instanceof Map<?, ?> map && map.get("message") instanceof String message && !message.isBlank()
                && map.get("extensions") instanceof Map<?, ?> extensions && extensions.get("code") instanceof String code) {
            return code;
        }
        return "MALFORMED";
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
