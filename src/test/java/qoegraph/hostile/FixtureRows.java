package qoegraph.hostile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows the fuzz test's server holds, kept here as Java values so that the expected answers are counted in
 * plain Java over them, never read back from the server. Sessions values include the kind of text a hostile
 * request sends (quotes, LIKE wildcards, backslashes, dollar quotes, non-ASCII), so that some hostile filter
 * values match rows exactly.
 */
final class FixtureRows {

    /** One viewer; browser may be null. */
    record Session(int stream, String isp, String browser, boolean connected, long p2p, long cdn) {
    }

    /** One study participant. */
    record User(int id, String name, String country) {
    }

    static final List<Session> SESSIONS = List.of(
            new Session(1, "BTP", "Iron", true, 100, 100),
            new Session(1, "BTP", "Iron", true, 300, 100),
            new Session(1, "BTP", "EarthWolf", true, 0, 200),
            new Session(1, "Fro", "Iron", false, 0, 500),
            new Session(2, "Fro", "Swamp", true, 1000, 0),
            new Session(2, "Arange", "Vectrice", false, 0, 1000),
            new Session(2, "Datch Telecam", "Iron", true, 500, 1500),
            new Session(3, "Olga", "Swamp", true, 20, 80),
            new Session(3, "'; DROP TABLE sessions; --", "Iron", true, 1, 1),
            new Session(3, "a_b%c", "\" OR 1=1 --", true, 2, 2),
            new Session(4, "a%b", null, false, 0, 3),
            new Session(4, "O'Brien \"quoted\"", "Iron", true, 7, 7),
            new Session(4, "back\\slash", "EarthWolf", true, 8, 8),
            new Session(5, "$$dollar$$", "Iron", false, 0, 9),
            new Session(5, "ünïcödé 日本", "Swamp", true, 10, 10),
            new Session(5, "emoji \uD83D\uDE00", "Iron", true, 11, 11),
            new Session(6, "tab\there", "EarthWolf", true, 12, 12),
            new Session(6, "line\nbreak", "Iron", true, 13, 13),
            new Session(6, "Straße", "Vectrice", false, 0, 14),
            new Session(7, "%", "_", true, 15, 15));

    static final List<User> USERS = List.of(new User(1, "alice", "fr"), new User(2, "bob", "uk"),
            new User(3, "carol", "fr"));

    /** Traffic rows: devices 10 (alice) and 20 (bob), one hour apart across the spring DST change. */
    static final int TRAFFIC_ROWS = 6;

    private FixtureRows() {
    }

    static long count(Predicate<Session> filter) {
        return SESSIONS.stream().filter(filter).count();
    }

    /** Distinct (stream, isp, browser) groups: what a dimension-only query over those three returns. */
    static long distinctGroups() {
        return SESSIONS.stream().map(s -> List.of(s.stream(), s.isp(), String.valueOf(s.browser()))).distinct().count();
    }

    /** Fills the (empty) tables that the ingest schema created. */
    static void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Session s : SESSIONS) {
                insert.setInt(1, s.stream());
                insert.setString(2, s.isp());
                insert.setString(3, s.browser());
                insert.setBoolean(4, s.connected());
                insert.setLong(5, s.p2p());
                insert.setLong(6, s.cdn());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (id, username, country) VALUES (?, ?, ?)")) {
            for (User u : USERS) {
                insert.setInt(1, u.id());
                insert.setString(2, u.name());
                insert.setString(3, u.country());
                insert.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO devices (id, name, devtype, os, shared) VALUES "
                    + "(10, 'alice-phone', 'phone', 'android', false), (20, 'bob-laptop', 'laptop', 'darwin', false)");
            statement.execute("INSERT INTO user_devices (user_id, device_id) VALUES (1, 10), (2, 20)");
            statement.execute("INSERT INTO deviceapptraffic (id, devid, ts, dstport, flowid, bytes_in, bytes_out,"
                    + " service, user_id) VALUES "
                    + "(1, 10, '2015-03-29 00:30:00', 443, 1, 100, 10, 'https', 1),"
                    + "(2, 10, '2015-03-29 01:30:00', 443, 1, 200, 20, 'https', 1),"
                    + "(3, 10, '2015-03-28 23:30:00', 80, 2, 400, 40, 'http', 1),"
                    + "(4, 20, '2015-03-29 00:30:00', 443, 3, 1000, 100, 'https', 2),"
                    + "(5, 20, '2015-10-25 01:30:00', 80, 4, 2000, 200, 'http', 2),"
                    + "(6, 20, '2015-10-25 00:30:00', 53, 5, 3000, 300, 'domain', 2)");
        }
    }
}
