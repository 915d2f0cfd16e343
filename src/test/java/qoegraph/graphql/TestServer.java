package qoegraph.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qoegraph.testsupport.IngestTables;
import qoegraph.engine.duckdb.DuckDb;

/**
 * One real qoegraph server for the GraphQL tests (started once: about two seconds), on a fresh database file
 * holding {@link Fixtures}, answering over HTTP. The limits are small so that tests can reach them.
 */
final class TestServer {
    static final int MAX_ROWS = 500;
    private static TestServer instance;

    private final EmbeddedServer server;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    private TestServer(Path dir) throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false,
                "qoegraph.database", dir.resolve("db.duckdb").toString(),
                "qoegraph.limits.max-rows", MAX_ROWS,
                "qoegraph.limits.query-timeout", "5s",
                // the fixtures are written with plain SQL, which the data version does not see: no result cache
                "qoegraph.cache.enabled", false));
        DuckDb db = server.getApplicationContext().getBean(DuckDb.class);
        try (Connection connection = db.connections().open(); Statement statement = connection.createStatement()) {
            IngestTables.createEmpty(connection);
            for (String sql : Fixtures.statements()) {
                statement.execute(sql);
            }
        }
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    static synchronized TestServer get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("qoegraph-graphql-test");
            instance = new TestServer(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
        }
        return instance;
    }

    /** A bean of the server, e.g. its configuration. */
    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** The whole response of a POST to /graphql, with its HTTP status checked: 200 even for a user's mistake. */
    Map<String, Object> post(String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/graphql", body), String.class);
        assertEquals(200, response.code());
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(response.body(), Map.class);
        return parsed;
    }

    Map<String, Object> post(String query) throws Exception {
        return post(query, Map.of());
    }

    /** The rows of a root field; fails on any error. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows(String query, String rootKey) throws Exception {
        Map<String, Object> response = post(query);
        assertEquals(null, response.get("errors"), () -> "errors in " + response);
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        assertNotNull(data, () -> "no data in " + response);
        return (List<Map<String, Object>>) data.get(rootKey);
    }

    /** The errors of a response that must have some. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors(String query) throws Exception {
        Map<String, Object> response = post(query);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        assertNotNull(errors, () -> "no errors in " + response);
        return errors;
    }
}
