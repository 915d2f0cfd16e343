-- The Trino variant of ../03_hour_profile.sql: zones through with_timezone/at_timezone, hours from
-- sequence(0, 23), GROUP BY ordinals; the same header, so the same field and rows.
-- name: hourProfile
-- description: Per personal device (shared devices left out), its hour-of-day profile in its participant's
-- description: local time (Europe/Paris for fr, Europe/London for uk, otherwise UTC): for each hour 0..23 the
-- description: device's bytes, app activity (DNS + HTTP requests) and user activity (DNS requests with user_req
-- description: and not duplicate, plus HTTP requests with user_url), each also as a percentage of the device's
-- description: total. Devices without bytes are left out, as in the study. 24 rows per device.
-- param: device Int = null | Only this device id.
-- column: device_id Int | The device's id.
-- column: user_id Int | Its owner's id.
-- column: country String | The owner's country, which gives the time zone: fr or uk.
-- column: time_zone String | The IANA zone the hours are in.
-- column: hour Int | Hour of day in that zone, 0..23.
-- column: bytes Long | Bytes in + out in that hour of day, over all days (bytes).
-- column: bytes_pct Float | bytes as a percentage of the device's bytes (percent 0..100).
-- column: app_requests Long | DNS + HTTP requests in that hour (count).
-- column: app_pct Float | app_requests as a percentage of the device's (percent 0..100); null when it has none.
-- column: user_requests Long | User requests in that hour (count).
-- column: user_pct Float | user_requests as a percentage of the device's (percent 0..100); null when it has none.
WITH personal AS (
    SELECT ud.user_id, u.country, d.id AS devid,
           CASE u.country WHEN 'fr' THEN 'Europe/Paris' WHEN 'uk' THEN 'Europe/London' ELSE 'UTC' END AS zone
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id JOIN users AS u ON u.id = ud.user_id
    WHERE NOT d.shared AND (:device IS NULL OR d.id = :device)
), events AS (
    SELECT devid, ts, coalesce(bytes_in, 0) + coalesce(bytes_out, 0) AS bytes, 0 AS app, 0 AS usr
    FROM deviceapptraffic
    UNION ALL
    SELECT devid, ts, 0, 1, CASE WHEN user_req AND NOT duplicate THEN 1 ELSE 0 END FROM dnsreqs
    UNION ALL
    SELECT devid, ts, 0, 1, CASE WHEN user_url THEN 1 ELSE 0 END FROM httpreqs
), hours AS (
    SELECT p.devid, CAST(hour(at_timezone(with_timezone(e.ts, 'UTC'), p.zone)) AS INTEGER) AS hour,
           sum(e.bytes) AS bytes, sum(e.app) AS app, sum(e.usr) AS usr
    FROM events AS e JOIN personal AS p ON p.devid = e.devid
    GROUP BY 1, 2
), totals AS (
    SELECT devid, sum(bytes) AS bytes, sum(app) AS app, sum(usr) AS usr FROM hours GROUP BY devid
    HAVING sum(bytes) > 0
), grid AS (
    SELECT t.devid, CAST(h.hour AS INTEGER) AS hour FROM totals AS t CROSS JOIN UNNEST(sequence(0, 23)) AS h(hour)
)
SELECT g.devid AS device_id, p.user_id, p.country, p.zone AS time_zone, g.hour,
       CAST(coalesce(h.bytes, 0) AS BIGINT) AS bytes,
       100 * CAST(coalesce(h.bytes, 0) AS DOUBLE) / t.bytes AS bytes_pct,
       CAST(coalesce(h.app, 0) AS BIGINT) AS app_requests,
       100 * CAST(coalesce(h.app, 0) AS DOUBLE) / nullif(t.app, 0) AS app_pct,
       CAST(coalesce(h.usr, 0) AS BIGINT) AS user_requests,
       100 * CAST(coalesce(h.usr, 0) AS DOUBLE) / nullif(t.usr, 0) AS user_pct
FROM grid AS g
JOIN totals AS t ON t.devid = g.devid
JOIN personal AS p ON p.devid = g.devid
LEFT JOIN hours AS h ON h.devid = g.devid AND h.hour = g.hour
ORDER BY device_id, hour
