-- name: streamHealth
-- engines: duckdb, trino
-- description: Stream health of the P2P delivery sessions: per stream, its viewers, the share connected to the
-- description: P2P back end, the share of bytes that came from peers, the viewers that got nothing from peers,
-- description: and the stream's rank by traffic. A viewer's bytes are p2p + cdn (a missing cdn counts as 0).
-- param: min_viewers Int = 0 range 0.. | Only streams with at least this many viewers (the traffic rank is over all streams).
-- column: stream Int | Stream number (1..9).
-- column: viewers Long | Viewers, one per row of the sessions file (count).
-- column: connected_viewers Long | Viewers connected to the P2P back end (count).
-- column: connected_share Float | connected_viewers / viewers (share 0..1).
-- column: p2p_bytes Float | Bytes from peers (bytes).
-- column: total_bytes Float | Bytes from peers and from the CDN (bytes).
-- column: p2p_share Float | p2p_bytes / total_bytes (share 0..1); null without bytes.
-- column: no_p2p_viewers Long | Viewers with p2p = 0 (count).
-- column: no_p2p_share Float | no_p2p_viewers / viewers (share 0..1).
-- column: traffic_rank Long | Rank of the stream by total_bytes, 1 = most traffic.
WITH streams AS (
    SELECT stream, count(*) AS viewers,
           count(*) FILTER (WHERE connected) AS connected_viewers,
           CAST(sum(coalesce(p2p, 0)) AS DOUBLE) AS p2p_bytes,
           CAST(sum(coalesce(p2p, 0) + coalesce(cdn, 0)) AS DOUBLE) AS total_bytes,
           count(*) FILTER (WHERE p2p = 0) AS no_p2p_viewers
    FROM sessions
    GROUP BY stream
), ranked AS (
    SELECT stream, viewers, connected_viewers,
           CAST(connected_viewers AS DOUBLE) / viewers AS connected_share,
           p2p_bytes, total_bytes,
           p2p_bytes / nullif(total_bytes, 0) AS p2p_share,
           no_p2p_viewers,
           CAST(no_p2p_viewers AS DOUBLE) / viewers AS no_p2p_share,
           rank() OVER (ORDER BY total_bytes DESC) AS traffic_rank
    FROM streams
)
SELECT * FROM ranked
WHERE viewers >= :min_viewers
ORDER BY stream
