package qoegraph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Servers;
import qoegraph.testsupport.QueriesDir;

/** A queries folder of one's own: a bad report stops the start with file and line; a run-time failure is INTERNAL. */
class ReportStartupTest {
    @TempDir
    Path dir;

    private Path queries(String reportFile, String text) throws IOException {
        return QueriesDir.withReport(dir, reportFile, text);
    }

    private EmbeddedServer start(Path queries) {
        return Servers.start(dir.resolve("db.duckdb"), Map.of("qoegraph.queries-dir", queries.toString()));
    }

    @Test
    void aReportWhoseColumnsDoNotMatchItsSqlStopsTheStartNamingFileAndLine() throws Exception {
        Path queries = queries("bad.sql", "-- name: bad\n-- description: Users.\n-- column: id Int | Id.\n"
                + "-- column: country Int | Country.\nSELECT id, country FROM users");
        Throwable failure = assertThrows(RuntimeException.class, () -> start(queries).close());
        ReportException cause = rootCause(failure);
        assertEquals(List.of(queries.resolve("reports/bad.sql") + ":4: column country is declared Int but the SQL"
                + " returns VARCHAR"), cause.problems());
    }

    private static ReportException rootCause(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof ReportException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ReportException, () -> "not a report failure: " + t);
        return (ReportException) cause;
    }

    @Test
    void aFailureWhileRunningIsInternalWithoutSqlOrStackTrace() throws Exception {
        Path queries = queries("cast.sql", "-- name: castIt\n-- description: Casts a text.\n"
                + "-- param: text String = 'x' | A text.\n-- column: n Int | The number.\n"
                + "SELECT CAST(:text AS INTEGER) AS n");
        try (EmbeddedServer server = start(queries);
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String body = client.toBlocking().retrieve(HttpRequest.POST("/graphql",
                    Map.of("query", "{ reports { castIt(text: \"abc\") { n } } }")));
            Map<?, ?> error = (Map<?, ?>) ((List<?>) new ObjectMapper().readValue(body, Map.class).get("errors")).get(0);
            assertEquals("INTERNAL", ((Map<?, ?>) error.get("extensions")).get("code"));
            assertFalse(body.contains("CAST") || body.contains("SELECT") || body.contains("SQLException")
                    || body.contains("at qoegraph."), body);
            String ok = client.toBlocking().retrieve(HttpRequest.POST("/graphql",
                    Map.of("query", "{ reports { castIt(text: \"42\") { n } } }")));
            assertEquals("{\"data\":{\"reports\":{\"castIt\":[{\"n\":42}]}}", ok.substring(0, ok.indexOf("}]}}") + 4));
        }
    }
}
