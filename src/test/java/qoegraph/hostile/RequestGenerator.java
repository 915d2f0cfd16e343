package qoegraph.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import qoegraph.hostile.FuzzCase.Expect;
import qoegraph.hostile.FuzzCase.Mode;
import qoegraph.hostile.HostileQueries.Call;

/**
 * Turns {@link HostileQueries} into HTTP requests (POST and GET, odd content types and Accept headers) and adds
 * the requests that are hostile below GraphQL: random bytes, broken JSON, JSON of the wrong types.
 * Everything comes from one seeded random source, so a seed replays the same requests.
 */
final class RequestGenerator {

    private static final String JSON = "application/json";
    private static final List<String> ACCEPTS = List.of(JSON, JSON, JSON, "application/graphql-response+json",
            "text/csv", "*/*", "image/png", "text/html, application/xml;q=0.9", "application/json;q=0",
            "garbage", "");
    /** Accept headers that all ask for JSON, so that the result can be checked. */
    private static final List<String> JSON_ACCEPTS = List.of("application/graphql-response+json", "*/*", "",
            "application/json, text/csv", "application/json;q=0.9, */*;q=0.1");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "",
            "application/json; charset=ISO-8859-1", "application/json; charset=utf-16", "???", "application/graphql");
    private static final String BREAKERS = "{}[]\",:\\\u0000'";
    private static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
    /** Longer GET URLs may be refused as too long, which is a clean 4xx. */
    private static final int LONG_URL = 4000;

    private final SplittableRandom random;
    private final HostileQueries queries;
    private final ObjectMapper json = new ObjectMapper();

    RequestGenerator(long seed, int maxRows) {
        random = new SplittableRandom(seed);
        queries = new HostileQueries(random, maxRows);
    }

    FuzzCase next(int id) {
        return switch (random.nextInt(20)) {
            case 0 -> random.nextBoolean() ? deepJson(id)
                    : post(id, "random-bytes", pickContentType(), JSON, randomBytes(), Expect.any());
            case 1 -> brokenJson(id);
            case 2 -> wrongJsonTypes(id);
            case 3 -> oddHttp(id, queries.next());
            case 4, 5, 6 -> get(id, queries.next());
            default -> post(id, queries.next());
        };
    }

    private FuzzCase post(int id, Call call) {
        String accept = random.nextInt(4) == 0 ? pick(JSON_ACCEPTS) : JSON;
        if (call.variables() == null && call.operationName() == null && random.nextInt(8) == 0) {
            return post(id, call.kind() + "/graphql-body", "application/graphql", accept,
                    call.query().getBytes(StandardCharsets.UTF_8), call.expect());
        }
        return post(id, call.kind(), JSON, accept, body(call), call.expect());
    }

    private FuzzCase get(int id, Call call) {
        StringBuilder params = new StringBuilder("query=").append(encode(call.query()));
        if (call.variables() != null) {
            params.append("&variables=").append(encode(write(call.variables())));
        }
        if (call.operationName() != null) {
            params.append("&operationName=").append(encode(call.operationName()));
        }
        Expect expect = call.expect();
        if (params.length() > LONG_URL && expect.mode() == Mode.RESULT) {
            expect = new Expect(Mode.RESULT_OR_ERROR, expect.check());
        }
        return new FuzzCase(id, "GET " + call.kind(), "GET", params.toString(), null, JSON, null, expect);
    }

    /** A valid or hostile query sent with another method, content type or Accept header. */
    private FuzzCase oddHttp(int id, Call call) {
        byte[] body = body(call);
        return switch (random.nextInt(3)) {
            case 0 -> new FuzzCase(id, "method " + call.kind(), pick(METHODS), null, JSON, JSON, body, Expect.any());
            case 1 -> post(id, "content-type " + call.kind(), pickContentType(), JSON, body, Expect.any());
            default -> post(id, "accept " + call.kind(), JSON, pick(ACCEPTS), body, Expect.any());
        };
    }

    private FuzzCase brokenJson(int id) {
        StringBuilder text = new StringBuilder(new String(body(queries.next()), StandardCharsets.UTF_8));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.setLength(at);
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, BREAKERS.charAt(random.nextInt(BREAKERS.length())));
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(20))));
            }
        }
        return post(id, "broken-json", JSON, JSON, text.toString().getBytes(StandardCharsets.UTF_8), Expect.any());
    }

    /** query, variables, extensions or operationName of a JSON type they cannot have. */
    private FuzzCase wrongJsonTypes(int id) {
        List<Object> wrong = List.of(42, 1.5, true, List.of("{ sessions { count } }"), Map.of("q", 1), "[1,2]",
                "not json", List.of());
        Object value = pick(wrong);
        Map<String, Object> body = new LinkedHashMap<>();
        String slot = pick(List.of("query", "variables", "extensions", "operationName", "whole"));
        body.put("query", "{ sessions { count } }");
        body.put(slot, value);
        byte[] bytes = slot.equals("whole") ? write(value).getBytes(StandardCharsets.UTF_8)
                : write(body).getBytes(StandardCharsets.UTF_8);
        // An object is right for variables and extensions; a string there may be taken as JSON text by a
        // lenient server.
        boolean lenient = (slot.equals("variables") || slot.equals("extensions"))
                && (value instanceof String || value instanceof Map);
        return post(id, "wrong-json-" + slot, JSON, JSON, bytes, lenient ? Expect.any() : Expect.error());
    }

    /** Variables nested deeper than a JSON writer allows, written by hand. */
    private FuzzCase deepJson(int id) {
        int depth = 100 + random.nextInt(100_000);
        String body = "{\"query\": \"query V($v: [String!]) { sessions(where: {isp: {in: $v}}) { count } }\","
                + " \"variables\": {\"v\": " + "[".repeat(depth) + "\"x\"" + "]".repeat(depth) + "}}";
        return post(id, "deep-json", JSON, JSON, body.getBytes(StandardCharsets.UTF_8), Expect.error());
    }

    private FuzzCase post(int id, String kind, String contentType, String accept, byte[] body, Expect expect) {
        return new FuzzCase(id, kind, "POST", null, contentType, accept, body, expect);
    }

    private byte[] body(Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", call.query());
        if (call.variables() != null) {
            body.put("variables", call.variables());
        }
        if (call.operationName() != null) {
            body.put("operationName", call.operationName());
        }
        return write(body).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(2000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private String pickContentType() {
        return pick(CONTENT_TYPES);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
