package qoegraph.wiring;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start on an empty database generates and ingests the sample, and {@code catalog} over real
 * HTTP reports the row counts of the generated files (counted here line by line, independently of the
 * ingest). A second start on the persisted database neither regenerates nor re-ingests.
 */
class FirstStartTest {

    private static final String CATALOG = "{ catalog { tables { name rows files linesRead loaded rejected incomplete"
            + " lastIngestedAt } files { fileId table ingestedAt } } }";

    @TempDir
    Path dir;

    @Test
    void firstStartIngestsTheSampleAndARestartReusesTheDatabase() throws IOException {
        Path database = dir.resolve("db.duckdb");
        Map<String, Object> props = Map.of(
                "qoegraph.sample-on-first-start", true,
                "qoegraph.sample-dir", dir.resolve("sample").toString(),
                "qoegraph.sample-scale", 0.002);

        Map<String, Long> expectedRows;
        List<Map<String, Object>> filesBefore;
        try (EmbeddedServer server = Servers.start(database, props)) {
            expectedRows = dataLinesPerTable(dir.resolve("sample"));
            Map<String, Map<String, Object>> tables = tables(catalog(server));
            assertEquals(expectedRows.keySet(), tables.keySet());
            expectedRows.forEach((table, lines) -> {
                Map<String, Object> t = tables.get(table);
                assertEquals(lines, ((Number) t.get("rows")).longValue(), table + " rows");
                assertEquals(lines, ((Number) t.get("linesRead")).longValue(), table + " lines read");
                assertEquals(0L, ((Number) t.get("rejected")).longValue(), table + " rejected");
            });
            // the published sessions file: 534,954 rows, the cut-off last one loaded incomplete
            assertEquals(534_954L, ((Number) tables.get("sessions").get("rows")).longValue());
            assertEquals(1L, ((Number) tables.get("sessions").get("incomplete")).longValue());
            filesBefore = files(catalog(server));
        }

        deleteTree(dir.resolve("sample"));
        try (EmbeddedServer server = Servers.start(database, props)) {
            Map<String, Object> data = catalog(server);
            assertEquals(filesBefore, files(data), "no file ingested again");
            tables(data).forEach((table, t) ->
                    assertEquals(expectedRows.get(table), ((Number) t.get("rows")).longValue(), table));
            assertFalse(Files.exists(dir.resolve("sample")), "no regeneration on a restart");
        }
    }

    @Test
    void catalogOfAnEmptyDatabaseListsTheDeclaredTablesWithNoRows() {
        try (EmbeddedServer server = Servers.start(dir.resolve("empty.duckdb"), Map.of())) {
            Map<String, Object> data = catalog(server);
            Map<String, Map<String, Object>> tables = tables(data);
            assertTrue(tables.containsKey("sessions"));
            tables.values().forEach(t -> {
                assertEquals(0L, ((Number) t.get("rows")).longValue());
                assertNull(t.get("lastIngestedAt"));
            });
            assertTrue(files(data).isEmpty());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> catalog(EmbeddedServer server) {
        try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            Map<String, Object> response = client.toBlocking().retrieve(
                    HttpRequest.POST("/graphql", Map.of("query", CATALOG)), Map.class);
            assertNull(response.get("errors"), () -> "errors: " + response.get("errors"));
            return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("catalog");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> tables(Map<String, Object> catalog) {
        return ((List<Map<String, Object>>) catalog.get("tables")).stream()
                .collect(Collectors.toMap(t -> (String) t.get("name"), t -> t));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(Map<String, Object> catalog) {
        return (List<Map<String, Object>>) catalog.get("files");
    }

    /** Data lines of every generated file, header excluded: what each table must hold. */
    private static Map<String, Long> dataLinesPerTable(Path sample) throws IOException {
        Map<String, Long> lines = new HashMap<>();
        lines.put("sessions", countDataLines(Files.newInputStream(sample.resolve("sessions.csv"))));
        try (var files = Files.list(sample.resolve("ucn"))) {
            for (Path f : files.toList()) {
                String table = f.getFileName().toString().replaceAll("\\.csv(\\.gz)?$", "");
                InputStream in = Files.newInputStream(f);
                lines.put(table, countDataLines(f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in));
            }
        }
        return lines;
    }

    private static long countDataLines(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().count() - 1;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
