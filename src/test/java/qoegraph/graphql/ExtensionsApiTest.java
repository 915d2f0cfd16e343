package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code extensions.fields.<path>} says per dataset or report field (keyed by its response path) what served it, rows,
 * truncation, time; SQL on debug.
 */
class ExtensionsApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fields(Map<String, Object> response) {
        assertEquals(null, response.get("errors"));
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) response.get("extensions")).get("fields");
    }

    @Test
    void eachRootFieldReportsItsSourceRowsAndTruncation() throws Exception {
        Map<String, Map<String, Object>> fields = fields(server.post(
                "{ cut: sessions(limit: 2) { isp } all: sessions { stream } traffic { count } }"));
        assertEquals(java.util.Set.of("cut", "all", "traffic"), fields.keySet(), "root fields finish in any order");
        Map<String, Object> cut = fields.get("cut");
        assertEquals("sessions", cut.get("table"));
        assertEquals(2, cut.get("rows"));
        assertEquals(true, cut.get("truncated"));
        assertEquals(false, cut.get("cached"));
        assertTrue(((Number) cut.get("ms")).longValue() >= 0);
        assertFalse(cut.containsKey("sql"));
        assertEquals(Map.of("table", "sessions", "rows", 4, "truncated", false, "cached", false),
                withoutMs(fields.get("all")));
        assertEquals("deviceapptraffic", fields.get("traffic").get("table"));
    }

    /** Two aliases of reports each keep their entry: the key is the whole response path, not the last key. */
    @Test
    void aliasedReportsEachKeepTheirEntryUnderTheirPath() throws Exception {
        Map<String, Map<String, Object>> fields = fields(server.post("{ r1: reports { streamHealth { stream } }"
                + " r2: reports { streamHealth(minViewers: 7) { stream } } sessions { count } }"));
        assertEquals(java.util.Set.of("r1.streamHealth", "r2.streamHealth", "sessions"), fields.keySet());
        assertEquals(4, fields.get("r1.streamHealth").get("rows"), "streams 1, 2, 3 and 9");
        assertEquals(1, fields.get("r2.streamHealth").get("rows"), "only stream 3 has 7 viewers or more");
        assertEquals("streamHealth", fields.get("r2.streamHealth").get("report"));
    }

    private static Map<String, Object> withoutMs(Map<String, Object> field) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(field);
        copy.remove("ms");
        return copy;
    }

    @Test
    void debugAddsTheSqlWithItsParametersApart() throws Exception {
        Map<String, Object> field = fields(server.post(
                "{ sessions(debug: true, where: {isp: {eq: \"'; DROP TABLE sessions; --\"}}, limit: 5) { count } }"))
                .get("sessions");
        String sql = (String) field.get("sql");
        assertTrue(sql.contains("\"sessions\"") && sql.contains("= ?"), sql);
        assertFalse(sql.contains("DROP"), sql);
        assertEquals(List.of("'; DROP TABLE sessions; --", 6, 0), field.get("params"));
    }
}
