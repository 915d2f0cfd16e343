package qoegraph.sql;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.plan.Planner;
import qoegraph.query.Query;
import qoegraph.query.QueryValidator;
import qoegraph.testsupport.IngestTables;

/**
 * An in-memory DuckDB with the tables as the ingest creates them (sources.yml columns, {@code _file_id}, the
 * derived {@code user_id} / {@code location_id}) and small hand-made rows, plus the repository's model.
 */
final class TestDb implements AutoCloseable {
    static final Path MODEL_DIR = Path.of("queries/model");

    final Connection connection;
    final Model model = ModelLoader.load(MODEL_DIR);

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
        new QueryValidator(model).check(query);
        return new SqlRunner(java.time.Duration.ofSeconds(30)).run(connection, compile(query));
    }

    SqlStatement compile(Query query) {
        return new SelectCompiler(new DuckDbDialect()).compile(new Planner(model).plan(query));
    }

    /** 20 viewers; see SessionsQueryTest for the hand-computed figures. */
    TestDb withSessions() throws SQLException {
        execute("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                + "(1, 'BTP', 'Iron', true, 100, 100), "
                + "(1, 'BTP', 'Iron', true, 300, 100), "
                + "(1, 'BTP', 'EarthWolf', true, 0, 200), "
                + "(1, 'Fro', 'Iron', false, 0, 500), "
                + "(1, 'Fro', 'EarthWolf', true, 50, 150), "
                + "(2, 'Fro', 'Swamp', true, 1000, 0), "
                + "(2, 'Arange', 'Vectrice', false, 0, 1000), "
                + "(2, 'Arange', 'Iron', true, 10, 990), "
                + "(2, 'Datch Telecam', 'Iron', false, 0, 2000), "
                + "(2, 'Datch Telecam', 'EarthWolf', true, 500, 1500), "
                + "(3, 'Olga', 'Iron', true, 1, 9), "
                + "(3, 'Olga', 'Swamp', true, 20, 80), "
                + "(3, 'BTP', 'Vectrice', false, 0, 10000), "
                + "(3, 'BTP', 'EarthWolf', true, 9000, 1000), "
                + "(3, 'Fro', 'Iron', true, 0, 100), "
                + "(3, 'Arange', 'EarthWolf', true, 250, 750), "
                + "(9, 'BTP', 'EarthWolf', true, 6100.5, NULL), "
                + "(1, '''; DROP TABLE sessions; --', 'Iron', true, 1, 1), "
                + "(2, 'a_b%c', 'Iron', true, 2, 2), "
                + "(3, 'a%b', NULL, false, 0, 3)");
        return this;
    }

    /**
     * Three users (alice fr, bob uk, carol fr without devices), four devices (30 shared by alice and bob),
     * three location stays and eleven traffic rows around the 2015 DST changes (29 March, 25 October).
     */
    TestDb withStudy() throws SQLException {
        execute("INSERT INTO users (id, username, country) VALUES (1, 'alice', 'fr'), (2, 'bob', 'uk'), (3, 'carol', 'fr')",
                "INSERT INTO devices (id, name, devtype, os, shared, addresses) VALUES "
                        + "(10, 'alice-phone', 'phone', 'android', false, ['10.0.0.10']), "
                        + "(11, 'alice-tablet', 'tablet', 'ios', false, ['10.0.0.11', '10.0.1.11']), "
                        + "(20, 'bob-laptop', 'laptop', 'darwin', false, ['10.0.0.20']), "
                        + "(30, 'family-pc', 'pc', 'windows', true, NULL)",
                "INSERT INTO user_devices VALUES (1, 10, NULL), (1, 11, NULL), (2, 20, NULL), (1, 30, NULL), (2, 30, NULL)",
                "INSERT INTO locations (id, devid, name, entertime, exittime) VALUES "
                        + "(100, 10, 'home', '2015-03-28 20:00:00', '2015-03-29 08:00:00'), "
                        + "(101, 10, 'work', '2015-10-25 00:00:00', '2015-10-25 02:00:00'), "
                        + "(102, 20, 'home', '2015-03-29 00:00:00', '2015-10-25 01:00:00')",
                "INSERT INTO deviceapptraffic (id, devid, ts, dstip, dstport, flowid, bytes_in, bytes_out, "
                        + "packets_in, packets_out, service, user_id, location_id) VALUES "
                        + "(1, 10, '2015-03-29 00:30:00', '1.1.1.1', 443, 1, 100, 10, 1, 1, 'https', 1, 100), "
                        + "(2, 10, '2015-03-29 01:30:00', '1.1.1.1', 443, 1, 200, 20, 2, 1, 'https', 1, 100), "
                        + "(3, 10, '2015-03-28 23:30:00', '2.2.2.2', 80, 2, 400, 40, 4, 1, 'http', 1, 100), "
                        + "(4, 20, '2015-03-29 00:30:00', '3.3.3.3', 443, 3, 1000, 100, 10, 1, 'https', 2, 102), "
                        + "(5, 20, '2015-03-29 01:30:00', '4.4.4.4', 80, 4, 2000, 200, 20, 2, 'http', 2, 102), "
                        + "(6, 20, '2015-10-25 00:30:00', '3.3.3.3', 443, 3, 3000, 300, 30, 3, 'https', 2, 102), "
                        + "(7, 20, '2015-10-25 01:30:00', '3.3.3.3', 443, 3, 4000, 400, 40, 4, 'https', 2, NULL), "
                        + "(8, 10, '2015-10-25 00:30:00', '2.2.2.2', 80, 5, 10, 1, 1, 1, 'http', 1, 101), "
                        + "(9, 10, '2015-10-25 01:30:00', '5.5.5.5', 53, 6, 20, 2, 1, 1, 'domain', 1, 101), "
                        + "(10, 30, '2015-03-29 12:00:00', '1.1.1.1', 443, 7, 5, 5, 1, 1, 'https', NULL, NULL), "
                        + "(11, 11, '2015-03-29 12:00:00', '2.2.2.2', 80, 8, 50, 50, 1, 1, 'http', 1, NULL)");
        return this;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
