package qoegraph.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import qoegraph.engine.duckdb.DuckDb;

/**
 * The one way the tests boot a real server of their own over rows they write: on a free port, over a new database
 * file, with no sample generated on the first start, and the test's own properties on top. {@link SampleServer} is
 * the shared server over the generated sample.
 */
public final class Servers {
    private Servers() {
    }

    /** A started server; {@code properties} add to the defaults or replace them. */
    public static EmbeddedServer start(Path database, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "qoegraph.sample-on-first-start", false,
                "qoegraph.database", database.toString()));
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all);
    }

    /** The server's embedded DuckDB, where tests write their rows with plain SQL. */
    public static DuckDb db(EmbeddedServer server) {
        return server.getApplicationContext().getBean(DuckDb.class);
    }

    /** Runs each statement on the server's DuckDB. */
    public static void execute(EmbeddedServer server, List<String> sql) throws SQLException {
        try (Connection connection = db(server).connections().open(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** The tables as the ingest creates them, holding {@link Fixtures}' rows. */
    public static void loadFixtures(EmbeddedServer server) throws SQLException {
        try (Connection connection = db(server).connections().open()) {
            IngestTables.createEmpty(connection);
        }
        execute(server, Fixtures.statements());
    }
}
