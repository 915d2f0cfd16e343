package qoegraph.ingest;

import java.util.ArrayList;
import java.util.List;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;

/**
 * Columns computed once at ingest for the study tables, so queries need no joins for them:
 * {@code user_id} (owner of a personal device; NULL for a shared device) and {@code location_id} (the locations
 * stay of the same device whose [entertime, exittime] holds ts; the latest entertime wins among overlapping
 * stays) on deviceapptraffic, dnsreqs and httpreqs, so bytes, app activity and user activity can all be
 * split by a device's locations.
 *
 * <p>Choice: new rows get user_id by a join inside the INSERT that loads them, and location_id by an UPDATE
 * of the file's rows right after it, in the same transaction ({@link #fillAfterInsert} says why). Files
 * arrive in any order, so when a reference table (user_devices, devices, locations) gets a file, the same
 * transaction recomputes the column over the existing rows, writing only rows whose value changes. Every
 * committed state is therefore consistent, whatever the file order and even after a crash.
 *
 * <p>Stays are flattened into non-overlapping segments per device (a breakpoint at every entertime and
 * just after every exittime, each segment labelled with its winning stay, up to the next breakpoint). A row
 * finds its segment by a hash join on the device and the hour of ts (each segment is listed under every
 * hour it overlaps) and then the segment's bounds: one streaming pass over the rows. An ASOF join gave the
 * same answer but sorted every row, URLs and all, by device and time: it was the largest part of loading
 * httpreqs. A plain range join would compare every row with every stay of its device.
 */
final class DerivedColumns {

    static final String USER_ID = "user_id";
    static final String LOCATION_ID = "location_id";
    private static final List<String> USER_TABLES = List.of("deviceapptraffic", "dnsreqs", "httpreqs");
    private static final List<String> LOCATION_TABLES = USER_TABLES;
    private static final String OWNERS = "user_devices";
    private static final String DEVICES = "devices";
    private static final String STAYS = "locations";

    private final SourceTables tables;
    private final boolean owners;
    private final boolean deviceShared;
    private final boolean stays;

    DerivedColumns(SourceTables tables) {
        this.tables = tables;
        owners = has(tables, OWNERS, "user_id", "device_id");
        deviceShared = has(tables, DEVICES, "id", "shared");
        stays = has(tables, STAYS, "id", "devid", "entertime", "exittime");
    }

    /** A derived column: its name, its type and the expression that computes it over {@link #joins}. */
    record Column(String name, String type, String select) {
    }

    /** Derived columns of a table, in table order. */
    List<Column> columns(SourceTable table) {
        List<Column> columns = new ArrayList<>();
        if (userId(table)) {
            columns.add(new Column(USER_ID, "INTEGER", "_own.user_id"));
        }
        if (locationId(table)) {
            columns.add(new Column(LOCATION_ID, "BIGINT", "CAST(NULL AS BIGINT)"));
        }
        return columns;
    }

    /** Joins that feed the columns' select expressions; the source relation must be aliased {@code src}. */
    String joins(SourceTable table) {
        StringBuilder sql = new StringBuilder();
        if (userId(table)) {
            sql.append(" LEFT JOIN (").append(ownerSql()).append(") AS _own ON _own.devid = src.devid");
        }
        return sql.toString();
    }

    /**
     * UPDATEs that give the rows of file {@code fileId}, just inserted with location_id NULL, their location.
     * Not a join inside the INSERT: DuckDB estimates a read_csv without sniffing at 42 rows, so with a segment
     * list larger than that it builds its hash table on the whole file instead (measured: 6.4 s of an 9 s load
     * of 3 M traffic rows); over the table, whose size it knows, it builds on the segments. Only rows in a stay
     * are written.
     */
    List<String> fillAfterInsert(SourceTable table, int fileId) {
        if (!locationId(table)) {
            return List.of();
        }
        return List.of("UPDATE " + Sql.id(table.name()) + " AS src SET " + LOCATION_ID + " = _seg.location_id FROM ("
                + segmentSql() + ") AS _seg WHERE src." + SourceTables.FILE_ID_COLUMN + " = " + fileId + " AND "
                + SEGMENT_MATCH);
    }

    /** UPDATEs to run in the transaction that loaded a file into {@code loaded}. */
    List<String> recomputeAfter(SourceTable loaded) {
        List<String> updates = new ArrayList<>();
        boolean ownersChanged = loaded.name().equals(OWNERS) || loaded.name().equals(DEVICES);
        for (SourceTable table : tables.all()) {
            if (ownersChanged && userId(table)) {
                updates.add(update(table, USER_ID, "LEFT JOIN (" + ownerSql() + ") AS _own ON _own.devid = src.devid",
                        "_own.user_id"));
            }
            if (loaded.name().equals(STAYS) && locationId(table)) {
                updates.add(update(table, LOCATION_ID, SEGMENT_JOIN, "_seg.location_id"));
            }
        }
        return updates;
    }

    private static String update(SourceTable table, String column, String join, String value) {
        String name = Sql.id(table.name());
        return "UPDATE " + name + " AS dst SET " + column + " = n.v FROM (SELECT src.rowid AS rid, " + value
                + " AS v FROM " + name + " AS src " + join + ") AS n"
                + " WHERE dst.rowid = n.rid AND dst." + column + " IS DISTINCT FROM n.v";
    }

    private boolean userId(SourceTable table) {
        return owners && USER_TABLES.contains(table.name()) && table.column("devid").isPresent();
    }

    private boolean locationId(SourceTable table) {
        return stays && LOCATION_TABLES.contains(table.name()) && table.column("devid").isPresent()
                && table.column("ts").isPresent();
    }

    // A device has an owner when exactly one user links to it and it is not marked shared.
    private String ownerSql() {
        String shared = deviceShared ? " AND NOT coalesce(bool_or(d.shared), false)" : "";
        String join = deviceShared ? " LEFT JOIN devices AS d ON d.id = ud.device_id" : "";
        return "SELECT ud.device_id AS devid, CASE WHEN count(DISTINCT ud.user_id) = 1" + shared
                + " THEN min(ud.user_id) END AS user_id FROM user_devices AS ud" + join
                + " WHERE ud.device_id IS NOT NULL GROUP BY ud.device_id";
    }

    private static final String SEGMENT_MATCH = "src.devid = _seg.devid AND date_trunc('hour', src.ts) = _seg.hour"
            + " AND src.ts >= _seg.starts AND src.ts < _seg.ends";
    private static final String SEGMENT_JOIN = "LEFT JOIN (" + segmentSql() + ") AS _seg ON " + SEGMENT_MATCH;

    // Timestamps have microsecond resolution, so "just after exittime" is exittime + 1 microsecond. A segment runs
    // from its breakpoint to the next one of its device; only segments with a stay are listed (the others would
    // give NULL, as no match does), once per hour they overlap.
    private static String segmentSql() {
        return "WITH stays AS (SELECT id, devid, entertime, exittime FROM locations"
                + " WHERE devid IS NOT NULL AND entertime IS NOT NULL AND exittime >= entertime),"
                + " points AS (SELECT devid, entertime AS starts FROM stays"
                + " UNION SELECT devid, exittime + INTERVAL 1 MICROSECOND FROM stays),"
                + " segments AS (SELECT p.devid, p.starts, s.id AS location_id FROM points AS p"
                + " LEFT JOIN stays AS s ON s.devid = p.devid AND s.entertime <= p.starts AND s.exittime >= p.starts"
                + " QUALIFY row_number() OVER (PARTITION BY p.devid, p.starts"
                + " ORDER BY s.entertime DESC NULLS LAST, s.id DESC NULLS LAST) = 1),"
                + " bounded AS (SELECT devid, starts, lead(starts) OVER (PARTITION BY devid ORDER BY starts) AS ends,"
                + " location_id FROM segments)"
                + " SELECT devid, starts, ends, location_id, unnest(generate_series(date_trunc('hour', starts),"
                + " ends - INTERVAL 1 MICROSECOND, INTERVAL 1 HOUR)) AS hour"
                + " FROM bounded WHERE location_id IS NOT NULL";
    }

    private static boolean has(SourceTables tables, String table, String... columns) {
        return tables.table(table)
                .map(t -> List.of(columns).stream().allMatch(c -> t.column(c).isPresent()))
                .orElse(false);
    }
}
