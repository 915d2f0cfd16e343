package qoegraph.security;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Queries behind a token, and mutations off on a server without an admin token. The tokens never appear in
 * the server's log, whatever the outcome.
 */
class QueryTokenTest {
    static final String QUERY = "query-token-for-tests-abcdefghij";
    static final String ADMIN = "admin-token-for-tests-klmnopqrst";

    @TempDir
    Path dir;

    @Test
    void withAQueryTokenQueriesNeedItOrTheAdminTokenAndNothingLogsEither() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (EmbeddedServer server = start(Map.of("qoegraph.security.query-token", QUERY,
                "qoegraph.security.admin-token", ADMIN))) {
            Http http = Http.to(server.getURL());
            for (String token : new String[] {null, "wrong-token-wrong-token-wrong", QUERY.toUpperCase()}) {
                Http.Answer refused = http.post("{ sessions { count } }", token);
                assertEquals(401, refused.status());
                assertEquals("UNAUTHORIZED", refused.firstCode());
                assertNull(refused.data());
                assertTrue(refused.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            }
            for (String token : new String[] {QUERY, ADMIN}) {
                Http.Answer answer = http.post("{ sessions { count } }", token);
                assertEquals(200, answer.status());
                assertNull(answer.errors(), () -> "errors " + answer.body());
                assertNotNull(answer.data().get("sessions"));
            }
            Http.Answer mutation = http.post("mutation { refreshRollups { name } }", QUERY);
            assertEquals("UNAUTHORIZED", mutation.firstCode());
            assertTrue(mutation.firstMessage().contains("needs the admin token"));
        } finally {
            root.detachAppender(log);
        }
        assertFalse(log.list.isEmpty(), "the server logged nothing at all: the appender is not attached");
        for (ILoggingEvent event : log.list) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap();
            assertFalse(line.contains(QUERY) || line.contains(ADMIN), () -> "a token in the log: " + line);
        }
    }

    @Test
    void withoutAnAdminTokenTheMutationsAreOffForEveryone() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            Http http = Http.to(server.getURL());
            for (String token : new String[] {null, "any-token-at-all-any-token"}) {
                Http.Answer answer = http.post("mutation { ingest(paths: [\"x.csv\"]) { loaded } }", token);
                assertEquals(200, answer.status());
                assertEquals("UNAUTHORIZED", answer.firstCode());
                assertTrue(answer.firstMessage().contains("off on this server"), answer.firstMessage());
            }
            assertNull(http.post("{ sessions { count } }", null).errors());
        }
    }

    @Test
    void aTokenTooShortStopsTheStartNamingTheKey() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> start(Map.of("qoegraph.security.admin-token", "short")).close());
        Throwable cause = e;
        while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("admin-token")) {
            cause = cause.getCause();
        }
        assertTrue(String.valueOf(cause.getMessage()).contains("qoegraph.security.admin-token is too short"),
                () -> "message: " + e.getMessage());
    }

    private EmbeddedServer start(Map<String, Object> extra) {
        return Servers.start(dir.resolve("db-" + System.nanoTime() + ".duckdb"), extra);
    }
}
