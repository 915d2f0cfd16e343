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
 * What each rollup table was built from, kept in the database ({@code _rollup_builds}): one SHA-256 of its SELECT
 * and of a stamp of the ingested data. A start on a database whose rollups match keeps them instead of rebuilding
 * them (tens of seconds at 10x the sample). A build whose data stamp is unknown removes its row, so it is never
 * taken for fresh.
 */
final class RollupStamps {
    static final String TABLE = "_rollup_builds";

    private RollupStamps() {
    }

    static void ensureTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR PRIMARY KEY, stamp VARCHAR NOT NULL)");
        }
    }

    /** The stamp a build of {@code sql} on data stamped {@code dataStamp} records. */
    static String of(String sql, String dataStamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sql + '\0' + dataStamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> read(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT stamp FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** @param stamp null removes the row: the table's data stamp is unknown */
    static void write(Connection connection, String name, String stamp) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
            delete.setString(1, name);
            delete.execute();
        }
        if (stamp != null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, stamp);
                insert.execute();
            }
        }
    }
}
