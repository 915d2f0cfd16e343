package qoegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import qoegraph.engine.duckdb.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test and the benchmark's query mix against a real server: every query of the mix answers cleanly (the
 * mix follows the schema), a run with clean answers exits 0 and reports them, and a server that is not there makes
 * every request an error and the exit code 1.
 */
class LoadTestTest {
    @TempDir
    static Path dir;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false, "qoegraph.database", dir.resolve("db.duckdb").toString()));
        DuckDb db = server.getApplicationContext().getBean(DuckDb.class);
        try (Connection connection = db.connections().open(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                    + "(1, 'BTP', 'Iron', true, 300, 100), (2, 'Fro', 'Iron', false, 0, 400)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyQueryOfTheMixAnswersCleanly() {
        GraphQLClient client = new GraphQLClient(server.getURL().toString());
        for (LoadRunner.Request request : LoadTest.mix()) {
            GraphQLClient.Reply reply = client.post(request.query(), request.variables());
            assertTrue(reply.clean(), () -> request.name() + ": " + reply.problem());
        }
        for (QueryMix.MixQuery query : QueryMix.QUERIES) {
            Map<String, Object> field = client.post(query.withDebug(), Map.of()).field(query.root());
            assertTrue(field.get("sql") instanceof String, () -> query.name() + " gives no SQL: " + field);
        }
    }

    @Test
    void cleanAnswersExitZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LoadTest.run(server.getURL().toString(), 2, Duration.ofSeconds(1), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("errors 0,"), printed);
        assertTrue(printed.matches("(?s).*server heap used: max \\d+ MB.*"), printed);
    }

    @Test
    void noServerIsAllErrorsAndExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LoadTest.run("http://localhost:" + port, 1, Duration.ofSeconds(1), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertTrue(printed.contains("error: "), printed);
    }
}
