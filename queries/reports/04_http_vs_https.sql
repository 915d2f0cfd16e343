-- name: httpVsHttps
-- engines: duckdb, trino
-- description: HTTP (port 80) vs HTTPS (port 443) share of bytes for the heaviest users of each country (ranked
-- description: by bytes of their personal devices, as in userRanking; shared devices left out): one row per
-- description: selected user, then one row (userId null) for all of them together. A flow counts as HTTP when
-- description: its destination or source port is 80, HTTPS when it is 443.
-- param: n_fr Int = 6 range 0..1000 | How many of the heaviest French users (fr) to take.
-- param: n_uk Int = 8 range 0..1000 | How many of the heaviest British users (uk) to take.
-- column: user_id Int | The user's id; null on the row of all selected users together.
-- column: country String | The user's country; null on the row of all selected users.
-- column: rank_in_country Long | Rank by bytes within the country, 1 = most bytes; null on the row of all users.
-- column: devices Long | Personal devices of the user (or of all selected users) (count).
-- column: bytes Long | All bytes in + out (bytes).
-- column: http_bytes Long | Bytes of port-80 flows (bytes).
-- column: https_bytes Long | Bytes of port-443 flows (bytes).
-- column: http_share Float | http_bytes / bytes (share 0..1); null without bytes.
-- column: https_share Float | https_bytes / bytes (share 0..1); null without bytes.
-- column: web_share Float | (http_bytes + https_bytes) / bytes (share 0..1); null without bytes.
WITH personal AS (
    SELECT ud.user_id, d.id AS devid
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id
    WHERE NOT d.shared
), per_user AS (
    SELECT p.user_id,
           coalesce(sum(t.bytes_in), 0) + coalesce(sum(t.bytes_out), 0) AS bytes,
           coalesce(sum(t.bytes_in + t.bytes_out) FILTER (WHERE t.dstport = 80 OR t.srcport = 80), 0) AS http_bytes,
           coalesce(sum(t.bytes_in + t.bytes_out) FILTER (WHERE t.dstport = 443 OR t.srcport = 443), 0) AS https_bytes
    FROM deviceapptraffic AS t JOIN personal AS p ON p.devid = t.devid
    GROUP BY p.user_id
), ranked AS (
    SELECT u.id AS user_id, u.country,
           row_number() OVER (PARTITION BY u.country ORDER BY coalesce(s.bytes, 0) DESC, u.id) AS rank_in_country,
           (SELECT count(*) FROM personal AS p WHERE p.user_id = u.id) AS devices,
           coalesce(s.bytes, 0) AS bytes, coalesce(s.http_bytes, 0) AS http_bytes,
           coalesce(s.https_bytes, 0) AS https_bytes
    FROM users AS u LEFT JOIN per_user AS s ON s.user_id = u.id
), selected AS (
    SELECT * FROM ranked
    WHERE (country = 'fr' AND rank_in_country <= :n_fr) OR (country = 'uk' AND rank_in_country <= :n_uk)
), rows AS (
    SELECT user_id, country, rank_in_country, devices, bytes, http_bytes, https_bytes, 0 AS part FROM selected
    UNION ALL
    SELECT NULL, NULL, NULL, coalesce(sum(devices), 0), coalesce(sum(bytes), 0), coalesce(sum(http_bytes), 0),
           coalesce(sum(https_bytes), 0), 1
    FROM selected
)
SELECT user_id, country, rank_in_country, CAST(devices AS BIGINT) AS devices,
       CAST(bytes AS BIGINT) AS bytes, CAST(http_bytes AS BIGINT) AS http_bytes,
       CAST(https_bytes AS BIGINT) AS https_bytes,
       CAST(http_bytes AS DOUBLE) / nullif(bytes, 0) AS http_share,
       CAST(https_bytes AS DOUBLE) / nullif(bytes, 0) AS https_share,
       CAST(http_bytes + https_bytes AS DOUBLE) / nullif(bytes, 0) AS web_share
FROM rows
ORDER BY part, country, rank_in_country
