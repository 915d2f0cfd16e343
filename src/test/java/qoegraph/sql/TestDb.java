package qoegraph.sql;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import qoegraph.plan.BuiltRollups;
import qoegraph.testsupport.Walk;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.query.Query;
import qoegraph.testsupport.Fixtures;
import qoegraph.testsupport.IngestTables;

/**
 * An in-memory DuckDB with the tables as the ingest creates them (sources.yml columns, {@code _file_id}, the
 * derived {@code user_id} / {@code location_id}) and small hand-made rows, plus the repository's model.
 */
final class TestDb implements AutoCloseable {
    static final Path MODEL_DIR = Path.of("queries/model");

    final Connection connection;
    final Model model = ModelLoader.load(MODEL_DIR);
    private final Walk walk = new Walk(model, new DuckDbDialect(), BuiltRollups.NONE, Duration.ofSeconds(30));

    TestDb() throws SQLException, IOException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        IngestTables.createEmpty(connection);
    }

    void execute(String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** Validates, plans, compiles and runs. */
    QueryResult run(Query query) throws SQLException {
        return walk.run(connection, query);
    }

    /** Validates, plans and compiles. */
    SqlStatement compile(Query query) {
        return walk.compile(walk.plan(query));
    }

    /** The 20 viewers of {@link Fixtures}; see SessionsQueryTest for the hand-computed figures. */
    TestDb withSessions() throws SQLException {
        execute(Fixtures.sessions().toArray(String[]::new));
        return this;
    }

    /**
     * The study rows of {@link Fixtures}: three users (alice fr, bob uk, carol fr without devices), four devices (30
     * shared by alice and bob), three location stays and eleven traffic rows around the 2015 DST changes (29 March,
     * 25 October).
     */
    TestDb withStudy() throws SQLException {
        execute(Fixtures.study().toArray(String[]::new));
        return this;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
