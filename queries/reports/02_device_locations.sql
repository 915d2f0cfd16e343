-- name: deviceLocations
-- description: Per personal device (shared devices left out), the share of its bytes, of its app activity
-- description: (DNS + HTTP requests) and of its user activity (DNS requests with user_req and not duplicate,
-- description: plus HTTP requests with user_url) at its top n places, at its other places, and at no known place,
-- description: as the study's notebook defines them: a row (traffic, request) is at the device's location stay
-- description: whose [entertime, exittime] holds its ts (the latest entertime wins among overlapping stays; the
-- description: datasets' locationId); a place is a stay's name, and a stay without a name is the place
-- description: "(unnamed)" (the notebook's "default"); shares are of all the device's bytes or requests, those at
-- description: no known place included. Each measure ranks the places on its own, so slot 1 of bytes and slot 1
-- description: of app activity may be different places. Rows per device: part top with slots 1..n, then part
-- description: other (the other places together), then part none (no stay holds the row's time); the shares of a
-- description: device's rows add up to 1. The traffic dataset answers the bytes part the same way: see the
-- description: README's cookbook.
-- param: n Int = 3 range 1..100 | How many top places per device and measure.
-- param: device Int = null | Only this device id.
-- column: device_id Int | The device's id.
-- column: user_id Int | Its owner's id.
-- column: part String | Which part of the device's activity the row holds: top (one of its n top places, see slot), other (its other places together) or none (at no known place).
-- column: slot Int | Place of the location in the device's ranking for each measure, 1 = the most; null on the other and none rows.
-- column: bytes_location String | Name of the place ranked at this slot by bytes; null when the device has fewer places with bytes, and on the other and none rows.
-- column: bytes_share Float | Share of the device's bytes (in + out) there (share 0..1); null when the device has no bytes.
-- column: app_location String | Name of the place ranked at this slot by app activity; null as for bytes_location.
-- column: app_share Float | Share of the device's DNS + HTTP requests there (share 0..1); null when it has none.
-- column: user_location String | Name of the place ranked at this slot by user activity; null as for bytes_location.
-- column: user_share Float | Share of the device's user requests there (share 0..1); null when it has none.
WITH personal AS (
    SELECT ud.user_id, d.id AS devid
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id
    WHERE NOT d.shared AND (:device IS NULL OR d.id = :device)
), events AS (
    SELECT t.devid, t.location_id, coalesce(t.bytes_in, 0) + coalesce(t.bytes_out, 0) AS bytes, 0 AS app, 0 AS usr
    FROM deviceapptraffic AS t JOIN personal AS p ON p.devid = t.devid
    UNION ALL
    SELECT r.devid, r.location_id, 0, 1, CASE WHEN r.user_req AND NOT r.duplicate THEN 1 ELSE 0 END
    FROM dnsreqs AS r JOIN personal AS p ON p.devid = r.devid
    UNION ALL
    SELECT r.devid, r.location_id, 0, 1, CASE WHEN r.user_url THEN 1 ELSE 0 END
    FROM httpreqs AS r JOIN personal AS p ON p.devid = r.devid
), per_location AS (
    SELECT e.devid, CASE WHEN e.location_id IS NULL THEN NULL ELSE coalesce(s.name, '(unnamed)') END AS location,
           sum(e.bytes) AS bytes, sum(e.app) AS app, sum(e.usr) AS usr
    FROM events AS e LEFT JOIN locations AS s ON s.id = e.location_id
    GROUP BY ALL
), totals AS (
    SELECT devid, sum(bytes) AS bytes, sum(app) AS app, sum(usr) AS usr FROM per_location GROUP BY devid
), places AS (
    SELECT t.devid, coalesce(sum(l.bytes), 0) AS bytes, coalesce(sum(l.app), 0) AS app, coalesce(sum(l.usr), 0) AS usr
    FROM totals AS t LEFT JOIN per_location AS l ON l.devid = t.devid AND l.location IS NOT NULL
    GROUP BY t.devid
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
    SELECT devid, 'top' AS part, 0 AS part_order, slot, bytes_location, coalesce(bytes, 0) AS bytes, app_location,
           coalesce(app, 0) AS app, user_location, coalesce(usr, 0) AS usr
    FROM top
    UNION ALL
    SELECT pl.devid, 'other', 1, NULL, NULL, pl.bytes - coalesce(sum(top.bytes), 0), NULL,
           pl.app - coalesce(sum(top.app), 0), NULL, pl.usr - coalesce(sum(top.usr), 0)
    FROM places AS pl LEFT JOIN top ON top.devid = pl.devid
    GROUP BY pl.devid, pl.bytes, pl.app, pl.usr
    UNION ALL
    SELECT t.devid, 'none', 2, NULL, NULL, t.bytes - pl.bytes, NULL, t.app - pl.app, NULL, t.usr - pl.usr
    FROM totals AS t JOIN places AS pl ON pl.devid = t.devid
)
SELECT rows.devid AS device_id, p.user_id, rows.part, rows.slot,
       rows.bytes_location, rows.bytes / nullif(t.bytes, 0) AS bytes_share,
       rows.app_location, rows.app / nullif(t.app, 0) AS app_share,
       rows.user_location, rows.usr / nullif(t.usr, 0) AS user_share
FROM rows JOIN totals AS t ON t.devid = rows.devid JOIN personal AS p ON p.devid = rows.devid
ORDER BY device_id, rows.part_order, slot
