package qoegraph.hostile;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.testsupport.IngestTables;

/** A real qoegraph server on a fresh database holding {@link FixtureRows}, and a plain HTTP client for it. */
final class HostileServer implements AutoCloseable {
    static final int MAX_ROWS = 100;

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HostileServer(Path dir) throws SQLException {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false,
                "qoegraph.database", dir.resolve("db.duckdb").toString(),
                "qoegraph.limits.max-rows", MAX_ROWS,
                "qoegraph.limits.query-timeout", "10s"));
        try (Connection connection = db().connections().open()) {
            IngestTables.createEmpty(connection);
            FixtureRows.insert(connection);
        }
    }

    DuckDb db() {
        return server.getApplicationContext().getBean(DuckDb.class);
    }

    HttpResponse<String> send(FuzzCase c) throws Exception {
        String path = "/graphql" + (c.params() == null ? "" : "?" + c.params());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(60));
        if (c.body() == null) {
            request.method(c.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        }
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            request.header("Content-Type", c.contentType());
        }
        if (c.accept() != null && !c.accept().isEmpty()) {
            request.header("Accept", c.accept());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Row counts of every table and view in the database: what no request may change. */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = db().connections().open(); Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'main'")) {
                while (tables.next()) {
                    counts.put(tables.getString(1), null);
                }
            }
            for (String table : counts.keySet()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        server.close();
    }
}
