package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every user mistake is a GraphQL error in a 200 response, with {@code extensions.code}, a path and a message
 * that says what to do; graphql-java's own validation errors too.
 */
class ErrorsApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    /** The one error of a query, checked for its code; never a stack trace or SQL. */
    private static Map<String, Object> error(String query, String code) throws Exception {
        List<Map<String, Object>> errors = server.errors(query);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        Map<String, Object> error = errors.get(0);
        assertEquals(code, extensions(error).get("code"), () -> "error: " + error);
        String message = (String) error.get("message");
        assertFalse(message.contains("SELECT") || message.contains("Exception") || message.contains("\tat "), message);
        return error;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.get("extensions");
    }

    private static void assertMessage(Map<String, Object> error, String expected) {
        assertEquals(expected, error.get("message"));
    }

    @Test
    void anUnknownFieldSuggestsTheClosestName() throws Exception {
        Map<String, Object> field = error("{ sessions { ispp count } }", "UNKNOWN_FIELD");
        assertMessage(field, "unknown field 'ispp' on SessionsRow (did you mean 'isp'?)");
        assertEquals(List.of("sessions", "ispp"), field.get("path"));
        assertMessage(error("{ sesions { count } }", "UNKNOWN_FIELD"),
                "unknown root field 'sesions' on Query (did you mean 'sessions'?)");
        Map<String, Object> input = error("{ sessions(where: {ispp: {eq: \"BTP\"}}) { count } }", "UNKNOWN_FIELD");
        assertMessage(input, "where: unknown field 'ispp' in SessionsWhere (did you mean 'isp'?)");
        assertEquals("where", extensions(input).get("at"));
        assertMessage(error("{ sessions(lim: 3) { count } }", "UNKNOWN_FIELD"), "unknown argument 'lim' of sessions"
                + " (did you mean 'limit'?); it takes where, having, orderBy, limit, offset, timezone, top, debug");
    }

    @Test
    void anOperatorThatDoesNotFitTheTypeListsTheOnesThatDo() throws Exception {
        Map<String, Object> error = error("{ sessions(where: {connected: {gt: true}}) { count } }", "INVALID_FILTER");
        assertMessage(error, "where.connected: operator 'gt' does not apply to Boolean values; use one of eq, neq, in,"
                + " nin, isNull");
        assertMessage(error("{ sessions(where: {stream: {gtt: 1}}) { count } }", "INVALID_FILTER"),
                "where.stream: operator 'gtt' does not apply to Int values (did you mean 'gt'?); use one of eq, neq, in, nin,"
                        + " gt, gte, lt, lte, between, isNull");
        assertEquals(List.of("sessions"), error.get("path"));
        assertEquals("where.connected", extensions(error).get("at"));
    }

    @Test
    void aWindowPartitionMustBeASelectedDimension() throws Exception {
        Map<String, Object> error = error("{ traffic { bytes(window: {fn: SHARE, partitionBy: [deviceId]}) } }",
                "INVALID_WINDOW");
        assertMessage(error, "metrics.bytes.window.partitionBy: partition on 'deviceId', which is not a selected"
                + " dimension; select it too");
        assertEquals(List.of("traffic"), error.get("path"));
        assertEquals("metrics.bytes.window.partitionBy", extensions(error).get("at"));
    }

    @Test
    void aBadTimeZoneNameSuggestsAnIanaZone() throws Exception {
        Map<String, Object> error = error("{ traffic(timezone: \"Europe/Pariss\") { ts(granularity: DAY) count } }",
                "INVALID_TIMEZONE");
        assertMessage(error, "timezone: unknown time zone 'Europe/Pariss' (did you mean 'Europe/Paris'?); use an IANA"
                + " zone id such as Europe/London, or PARTICIPANT");
        assertEquals(List.of("traffic"), error.get("path"));
        assertTrue(((String) error("{ sessions(timezone: \"PARTICIPANT\") { count } }", "INVALID_TIMEZONE")
                .get("message")).startsWith("timezone: PARTICIPANT is for datasets of study participants"));
    }

    @Test
    void aLimitAboveTheConfiguredMaximum() throws Exception {
        Map<String, Object> error = error("{ sessions(limit: 501) { isp } }", "LIMIT_EXCEEDED");
        assertMessage(error, "limit: limit 501 > maximum 500; page with offset");
        assertEquals(List.of("sessions"), error.get("path"));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichTypeFits() throws Exception {
        Map<String, Object> limit = error("{ sessions(limit: \"ten\") { isp } }", "INVALID_ARGUMENT");
        assertMessage(limit, "limit: \"ten\" is not a valid Int");
        assertEquals(List.of("sessions"), limit.get("path"));
        assertMessage(error("{ sessions(where: {or: [{stream: {eq: \"two\"}}]}) { count } }", "INVALID_ARGUMENT"),
                "where.or[0].stream.eq: \"two\" is not a valid Int");
        assertMessage(error("{ sessions(orderBy: [{count: DESK}]) { count } }", "INVALID_ARGUMENT"),
                "orderBy[0].count: DESK is not a OrderDirection (did you mean 'DESC'?); use one of ASC, DESC");
        assertMessage(error("{ sessions(orderBy: [{count: \"DESC\"}]) { count } }", "INVALID_ARGUMENT"),
                "orderBy[0].count: \"DESC\" is a string, but OrderDirection is an enum: write DESC without quotes");
        assertMessage(error("{ traffic { ts(granularity: HOURS) } }", "INVALID_ARGUMENT"),
                "granularity: HOURS is not a Granularity (did you mean 'HOUR'?); use one of MINUTE, HOUR, DAY, WEEK, MONTH,"
                        + " QUARTER, YEAR");
        Map<String, Object> variable = server.post("query($n: Int) { sessions(limit: $n) { isp } }", Map.of("n", "ten"));
        assertEquals("INVALID_ARGUMENT", extensions(first(variable)).get("code"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> response) {
        return ((List<Map<String, Object>>) response.get("errors")).get(0);
    }

    @Test
    void argumentsTheSchemaCannotRuleOut() throws Exception {
        assertMessage(error("{ sessions { totalQuantile } }", "INVALID_ARGUMENT"),
                "totalQuantile needs the argument q: The quantile, 0..1 (0.5 the median, 0.95 the 95th percentile).");
        Map<String, Object> twoKeys = error("{ sessions(orderBy: [{count: DESC, isp: ASC}]) { isp count } }",
                "INVALID_ARGUMENT");
        assertMessage(twoKeys, "orderBy[0]: give one sort key per object, e.g. [{count: DESC}, {isp: ASC}] or"
                + " [{field: \"h\", direction: DESC}]; got [isp, count]");
        assertMessage(error("{ sessions { p95: totalQuantile(q: 1.5) } }", "INVALID_ARGUMENT"),
                "metrics.p95.q: q must be between 0 and 1, got 1.5");
        assertMessage(error("{ traffic { bytesIn(bucketWidth: 100, window: {fn: SHARE}) } }", "INVALID_ARGUMENT"),
                "dimensions.bytesIn: bytesIn with bucketWidth or logBase is the dimension, which takes no window; select"
                        + " the metric under another alias");
    }

    @Test
    void theValidatorReportsEveryProblemAtOnce() throws Exception {
        List<Map<String, Object>> errors = server.errors("{ sessions(limit: 501, timezone: \"Mars/Base\") { count } }");
        assertEquals(List.of("LIMIT_EXCEEDED", "INVALID_TIMEZONE"), errors.stream().map(e -> extensions(e).get("code")).toList());
    }

    @Test
    void aFailingRootFieldIsReportedAtItsPathAndTheOthersKeepTheirRows() throws Exception {
        Map<String, Object> response = server.post("{ ok: sessions { count } bad: sessions(timezone: \"Nowhere\") { count } }");
        assertEquals(List.of("bad"), first(response).get("path"));
        Map<?, ?> data = (Map<?, ?>) response.get("data");
        assertEquals(List.of(Map.of("count", 20)), data.get("ok"), "root fields are nullable: the others keep their rows");
        assertTrue(data.containsKey("bad") && data.get("bad") == null, () -> "the failing one is null: " + data);
    }

    @Test
    void aDocumentThatDoesNotParse() throws Exception {
        assertEquals("INVALID_QUERY", extensions(server.errors("{ sessions { count ").get(0)).get("code"));
        assertEquals("INVALID_QUERY", extensions(server.errors("{ sessions { count { x } } }").get(0)).get("code"));
    }
}
