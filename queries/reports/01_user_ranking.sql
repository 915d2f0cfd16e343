-- name: userRanking
-- engines: duckdb, trino
-- description: Users ranked by total bytes (bytes in + out of their personal devices; shared devices are left
-- description: out), overall and within their country, with their DNS and HTTP request counts and their personal
-- description: devices counted by type. Ties in bytes are ranked by user id. Users without traffic rank last.
-- param: country String = null | Only the users of this country (fr or uk); the ranks are computed over all users either way.
-- column: user_id Int | The user's id.
-- column: country String | The user's country: fr or uk.
-- column: bytes Long | Bytes in + out of the user's personal devices (bytes).
-- column: dns_requests Long | DNS requests of the user's personal devices (count).
-- column: http_requests Long | HTTP requests of the user's personal devices (count).
-- column: app_requests Long | DNS + HTTP requests: the user's app activity (count).
-- column: devices Long | Personal (not shared) devices of the user (count).
-- column: phones Long | Personal phones (count).
-- column: tablets Long | Personal tablets (count).
-- column: laptops Long | Personal laptops (count).
-- column: pcs Long | Personal PCs (count).
-- column: rank_overall Long | Rank by bytes among all users, 1 = most bytes.
-- column: rank_in_country Long | Rank by bytes among the users of the same country, 1 = most bytes.
WITH personal AS (
    SELECT ud.user_id, d.id AS devid, d.devtype
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id
    WHERE NOT d.shared
), traffic AS (
    SELECT p.user_id, coalesce(sum(t.bytes_in), 0) + coalesce(sum(t.bytes_out), 0) AS bytes
    FROM deviceapptraffic AS t JOIN personal AS p ON p.devid = t.devid
    GROUP BY p.user_id
), dns AS (
    SELECT p.user_id, count(*) AS requests
    FROM dnsreqs AS r JOIN personal AS p ON p.devid = r.devid
    GROUP BY p.user_id
), http AS (
    SELECT p.user_id, count(*) AS requests
    FROM httpreqs AS r JOIN personal AS p ON p.devid = r.devid
    GROUP BY p.user_id
), owned AS (
    SELECT user_id, count(*) AS devices,
           count(*) FILTER (WHERE devtype = 'phone') AS phones,
           count(*) FILTER (WHERE devtype = 'tablet') AS tablets,
           count(*) FILTER (WHERE devtype = 'laptop') AS laptops,
           count(*) FILTER (WHERE devtype = 'pc') AS pcs
    FROM personal
    GROUP BY user_id
), ranked AS (
    SELECT u.id AS user_id, u.country,
           CAST(coalesce(traffic.bytes, 0) AS BIGINT) AS bytes,
           coalesce(dns.requests, 0) AS dns_requests,
           coalesce(http.requests, 0) AS http_requests,
           coalesce(dns.requests, 0) + coalesce(http.requests, 0) AS app_requests,
           coalesce(owned.devices, 0) AS devices,
           coalesce(owned.phones, 0) AS phones,
           coalesce(owned.tablets, 0) AS tablets,
           coalesce(owned.laptops, 0) AS laptops,
           coalesce(owned.pcs, 0) AS pcs,
           row_number() OVER (ORDER BY coalesce(traffic.bytes, 0) DESC, u.id) AS rank_overall,
           row_number() OVER (PARTITION BY u.country ORDER BY coalesce(traffic.bytes, 0) DESC, u.id) AS rank_in_country
    FROM users AS u
    LEFT JOIN traffic ON traffic.user_id = u.id
    LEFT JOIN dns ON dns.user_id = u.id
    LEFT JOIN http ON http.user_id = u.id
    LEFT JOIN owned ON owned.user_id = u.id
)
SELECT * FROM ranked
WHERE :country IS NULL OR country = :country
ORDER BY rank_overall
