package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code catalog.datasets} lists the model: each dataset with its dimensions and metrics, types and units. */
class CatalogDatasetsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogListsDatasetsDimensionsAndMetrics() throws Exception {
        Map<String, Object> response = TestServer.get().post("{ catalog { datasets { name table"
                + " dimensions { name type unit } metrics { name type unit aggregation } } } }");
        List<Map<String, Object>> datasets = (List<Map<String, Object>>)
                ((Map<String, Object>) ((Map<String, Object>) response.get("data")).get("catalog")).get("datasets");
        assertEquals(List.of("devices", "dnsRequests", "httpRequests", "locations", "sessions", "traffic", "users"),
                datasets.stream().map(d -> d.get("name")).toList());
        Map<String, Object> sessions = datasets.get(4);
        assertEquals("sessions", sessions.get("table"));
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) sessions.get("dimensions");
        assertEquals(Map.of("name", "p2p", "type", "Float", "unit", "bytes"), dimensions.get(4));
        assertEquals(Map.of("name", "isp", "type", "String"), withoutNulls(dimensions.get(1)));
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) sessions.get("metrics");
        assertEquals(Map.of("name", "p2pShare", "type", "Float", "unit", "share", "aggregation", "ratio"),
                metrics.stream().filter(m -> m.get("name").equals("p2pShare")).findFirst().orElseThrow());
        assertEquals(Map.of("name", "count", "type", "Long", "unit", "count", "aggregation", "count"), metrics.get(0));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.values().removeIf(v -> v == null);
        return copy;
    }
}
