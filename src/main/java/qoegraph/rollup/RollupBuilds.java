package qoegraph.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code _rollup_builds}: for each rollup table, the definition it was built from (a digest of its SQL and
 * header) and the data stamp of the ingested files it covers. Written in the transaction that swaps the table
 * in, so the record and the table never disagree; a restart on the same data and files reuses the table.
 */
final class RollupBuilds {
    static final String TABLE = "_rollup_builds";

    /** A recorded build. */
    record Build(String definition, String dataStamp, long builtAtMillis, long buildMillis) {
    }

    private RollupBuilds() {
    }

    static void ensure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR PRIMARY KEY, definition VARCHAR NOT NULL,"
                    + " data_stamp VARCHAR NOT NULL, built_at_millis BIGINT NOT NULL, build_millis BIGINT NOT NULL)");
        }
    }

    static Optional<Build> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT definition, data_stamp, built_at_millis,"
                + " build_millis FROM " + TABLE + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Build(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /** Replaces the record of {@code name}; call inside the swap's transaction. */
    static void record(Connection connection, String name, Build build) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?)")) {
            delete.setString(1, name);
            delete.executeUpdate();
            insert.setString(1, name);
            insert.setString(2, build.definition());
            insert.setString(3, build.dataStamp());
            insert.setLong(4, build.builtAtMillis());
            insert.setLong(5, build.buildMillis());
            insert.executeUpdate();
        }
    }

    /** A digest of everything that shapes the table: its SQL and its declared dimensions and metrics. */
    static String definition(RollupDefinition d) {
        String text = d.sql() + "\n" + d.rollup().dimensions() + "\n" + d.rollup().metrics() + "\n" + d.rollup().dataset();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
