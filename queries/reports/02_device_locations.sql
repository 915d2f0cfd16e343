-- name: deviceLocations
-- description: Per personal device (shared devices left out), the share of its bytes, of its app activity
-- description: (DNS + HTTP requests) and of its user activity (DNS requests with user_req and not duplicate,
-- description: plus HTTP requests with user_url) at its top n locations, and elsewhere. Each measure ranks the
-- description: device's locations (stay names) on its own, so slot 1 of bytes and slot 1 of app activity may be
-- description: different places. A row is at the location stay of its device whose [entertime, exittime] holds
-- description: its ts (the latest entertime wins among overlapping stays). Rows: slots 1..n, then slot null for
-- description: everything else, including time at no known location or at a stay without a name.
-- param: n Int = 3 range 1..100 | How many top locations per device and measure.
-- param: device Int = null | Only this device id.
-- column: device_id Int | The device's id.
-- column: user_id Int | Its owner's id.
-- column: slot Int | Place of the location in the device's ranking for each measure, 1 = the most; null: elsewhere (all other locations and no known location).
-- column: bytes_location String | Name of the location ranked at this slot by bytes; null when the device has fewer locations with bytes, and on the elsewhere row.
-- column: bytes_share Float | Share of the device's bytes (in + out) there (share 0..1); null when the device has no bytes.
-- column: app_location String | Name of the location ranked at this slot by app activity; null as for bytes_location.
-- column: app_share Float | Share of the device's DNS + HTTP requests there (share 0..1); null when it has none.
-- column: user_location String | Name of the location ranked at this slot by user activity; null as for bytes_location.
-- column: user_share Float | Share of the device's user requests there (share 0..1); null when it has none.
WITH personal AS (
    SELECT ud.user_id, d.id AS devid
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id
    WHERE NOT d.shared AND (:device IS NULL OR d.id = :device)
), requests AS (
    SELECT r.devid, r.ts, 1 AS app, CASE WHEN r.user_req AND NOT r.duplicate THEN 1 ELSE 0 END AS usr
    FROM dnsreqs AS r JOIN personal AS p ON p.devid = r.devid
    UNION ALL
    SELECT r.devid, r.ts, 1, CASE WHEN r.user_url THEN 1 ELSE 0 END
    FROM httpreqs AS r JOIN personal AS p ON p.devid = r.devid
), numbered AS (
    SELECT row_number() OVER () AS rid, * FROM requests
), located_requests AS (
    SELECT q.devid, q.app, q.usr, s.name AS location
    FROM numbered AS q
    LEFT JOIN locations AS s ON s.devid = q.devid AND q.ts BETWEEN s.entertime AND s.exittime
    QUALIFY row_number() OVER (PARTITION BY q.rid ORDER BY s.entertime DESC NULLS LAST, s.id DESC) = 1
), events AS (
    SELECT t.devid, s.name AS location, coalesce(t.bytes_in, 0) + coalesce(t.bytes_out, 0) AS bytes, 0 AS app, 0 AS usr
    FROM deviceapptraffic AS t JOIN personal AS p ON p.devid = t.devid
    LEFT JOIN locations AS s ON s.id = t.location_id
    UNION ALL
    SELECT devid, location, 0, app, usr FROM located_requests
), per_location AS (
    SELECT devid, location, sum(bytes) AS bytes, sum(app) AS app, sum(usr) AS usr
    FROM events GROUP BY devid, location
), totals AS (
    SELECT devid, sum(bytes) AS bytes, sum(app) AS app, sum(usr) AS usr FROM per_location GROUP BY devid
), ranked AS (
    SELECT devid, location, bytes, app, usr,
           row_number() OVER (PARTITION BY devid ORDER BY bytes DESC, location) AS bytes_slot,
           row_number() OVER (PARTITION BY devid ORDER BY app DESC, location) AS app_slot,
           row_number() OVER (PARTITION BY devid ORDER BY usr DESC, location) AS usr_slot
    FROM per_location WHERE location IS NOT NULL
), slots AS (
    SELECT t.devid, CAST(s.slot AS INTEGER) AS slot FROM totals AS t, range(1, 101) AS s(slot) WHERE s.slot <= :n
), top AS (
    SELECT sl.devid, sl.slot,
           rb.location AS bytes_location, rb.bytes AS bytes,
           ra.location AS app_location, ra.app AS app,
           ru.location AS user_location, ru.usr AS usr
    FROM slots AS sl
    LEFT JOIN ranked AS rb ON rb.devid = sl.devid AND rb.bytes_slot = sl.slot AND rb.bytes > 0
    LEFT JOIN ranked AS ra ON ra.devid = sl.devid AND ra.app_slot = sl.slot AND ra.app > 0
    LEFT JOIN ranked AS ru ON ru.devid = sl.devid AND ru.usr_slot = sl.slot AND ru.usr > 0
), rows AS (
    SELECT devid, slot, bytes_location, coalesce(bytes, 0) AS bytes, app_location, coalesce(app, 0) AS app,
           user_location, coalesce(usr, 0) AS usr
    FROM top
    UNION ALL
    SELECT t.devid, NULL, NULL, t.bytes - coalesce(sum(top.bytes), 0), NULL, t.app - coalesce(sum(top.app), 0),
           NULL, t.usr - coalesce(sum(top.usr), 0)
    FROM totals AS t LEFT JOIN top ON top.devid = t.devid
    GROUP BY t.devid, t.bytes, t.app, t.usr
)
SELECT rows.devid AS device_id, p.user_id, rows.slot,
       rows.bytes_location, rows.bytes / nullif(t.bytes, 0) AS bytes_share,
       rows.app_location, rows.app / nullif(t.app, 0) AS app_share,
       rows.user_location, rows.usr / nullif(t.usr, 0) AS user_share
FROM rows JOIN totals AS t ON t.devid = rows.devid JOIN personal AS p ON p.devid = rows.devid
ORDER BY device_id, slot NULLS LAST
