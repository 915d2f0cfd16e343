package qoegraph.rollup;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, after a first start that ingests the sample: the catalog lists the built rollups, a query a
 * rollup serves names it in {@code extensions}, one it cannot serve names its table, with the same figures.
 */
class RollupApiTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void catalogListsRollupsAndExtensionsNameWhatServed() {
        Map<String, Object> props = Map.of(
                "qoegraph.sample-on-first-start", true,
                "qoegraph.sample-dir", dir.resolve("sample").toString(),
                "qoegraph.sample-scale", 0.002);
        try (EmbeddedServer server = Servers.start(dir.resolve("db.duckdb"), props);
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            Map<String, Object> response = client.toBlocking().retrieve(HttpRequest.POST("/graphql", Map.of("query",
                    "{ catalog { rollups { name dataset dimensions metrics built inUse rows bytes builtAt buildMillis } }"
                            + " served: sessions { isp count p2pShare }"
                            + " base: sessions { isp count p2pShare p2pMedian }"
                            + " hours: traffic(timezone: \"Europe/Paris\") { ts(granularity: DAY) bytes } }")), Map.class);
            assertNull(response.get("errors"), () -> "errors: " + response);
            Map<String, Object> data = (Map<String, Object>) response.get("data");
            List<Map<String, Object>> rollups = (List<Map<String, Object>>) ((Map<String, Object>) data.get("catalog"))
                    .get("rollups");
            assertEquals(List.of("dnsHourly", "httpHourly", "sessionsByStream", "trafficHourly"),
                    rollups.stream().map(r -> r.get("name")).toList());
            Map<String, Object> sessions = rollups.get(2);
            assertEquals("sessions", sessions.get("dataset"));
            assertEquals(List.of("stream", "isp", "browser", "connected"), sessions.get("dimensions"));
            assertEquals(true, sessions.get("built"));
            assertEquals(true, sessions.get("inUse"));
            assertTrue(((Number) sessions.get("rows")).longValue() > 0);
            assertNotNull(sessions.get("builtAt"));
            assertNotNull(sessions.get("buildMillis"));
            assertEquals(List.of("ts:hour", "deviceId", "devtype", "os", "shared", "userId", "country", "dstPort",
                    "service", "location", "located"), rollups.get(3).get("dimensions"));

            Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) response.get("extensions"))
                    .get("fields");
            assertEquals("sessionsByStream", ((Map<String, Object>) fields.get("served")).get("rollup"));
            assertEquals("sessions", ((Map<String, Object>) fields.get("base")).get("table"));
            assertEquals("trafficHourly", ((Map<String, Object>) fields.get("hours")).get("rollup"));
            List<Map<String, Object>> served = (List<Map<String, Object>>) data.get("served");
            List<Map<String, Object>> base = (List<Map<String, Object>>) data.get("base");
            assertEquals(base.size(), served.size());
            for (int i = 0; i < base.size(); i++) {
                assertEquals(base.get(i).get("isp"), served.get(i).get("isp"));
                assertEquals(base.get(i).get("count"), served.get(i).get("count"));
            }

            // as during an ingest: the rollups are withdrawn, still built, not in use, and queries read the table
            Rollups beans = server.getApplicationContext().getBean(Rollups.class);
            beans.withdraw();
            Map<String, Object> during = client.toBlocking().retrieve(HttpRequest.POST("/graphql", Map.of("query",
                    "{ catalog { rollups { name built inUse } } served: sessions { isp count } }")), Map.class);
            assertNull(during.get("errors"), () -> "errors: " + during);
            List<Map<String, Object>> withdrawn = (List<Map<String, Object>>) ((Map<String, Object>)
                    ((Map<String, Object>) during.get("data")).get("catalog")).get("rollups");
            assertTrue(withdrawn.stream().allMatch(r -> r.get("built").equals(true) && r.get("inUse").equals(false)),
                    () -> "while withdrawn: " + withdrawn);
            assertEquals("sessions", ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    during.get("extensions")).get("fields")).get("served")).get("table"));
            beans.reinstate();
        }
    }
}
