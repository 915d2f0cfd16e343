package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qoegraph.engine.QueryEngine;
import qoegraph.sql.Statements;

/**
 * The server prepares a query shape once and then only binds and runs it: the same query with other values
 * reuses the kept statement and still answers with the figures counted by hand on the {@link Fixtures} viewers.
 */
class KeptStatementsApiTest {
    private static final String BY_ISP = "query($isp: String!, $min: Float!) { sessions(where: {isp: {eq: $isp},"
            + " total: {gte: $min}}) { count p2pBytes } }";

    @Test
    void oneShapeWithOtherValuesIsPreparedOnceAndAnswersEachRight() throws Exception {
        TestServer server = TestServer.get();
        Statements pool = server.bean(QueryEngine.class).statements();
        Statements.Stats before = pool.stats();
        // Fixtures: BTP viewers 1, 2, 3, 13, 14 (17 has no cdn, so no total); Fro 4, 5, 6, 15; Olga 11, 12
        assertEquals(List.of(Map.of("count", 5, "p2pBytes", 9400)), sessions("BTP", 0));
        assertEquals(List.of(Map.of("count", 4, "p2pBytes", 1050)), sessions("Fro", 0));
        assertEquals(List.of(Map.of("count", 1, "p2pBytes", 20)), sessions("Olga", 50));
        assertEquals(List.of(Map.of("count", 2, "p2pBytes", 9000)), sessions("BTP", 1000));
        Statements.Stats after = pool.stats();
        assertTrue(after.prepared() - before.prepared() <= 1, "prepared again: " + before + " -> " + after);
        assertTrue(after.reused() - before.reused() >= 3, "not reused: " + before + " -> " + after);
    }

    private static List<Map<String, Object>> sessions(String isp, double min) throws Exception {
        Map<String, Object> response = TestServer.get().post(BY_ISP, Map.of("isp", isp, "min", min));
        assertEquals(null, response.get("errors"), () -> "errors in " + response);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> data = (Map<String, List<Map<String, Object>>>) response.get("data");
        return data.get("sessions");
    }
}
