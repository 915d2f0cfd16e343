-- name: streamHealth
-- engines: duckdb, trino
-- description: Stream health of the P2P delivery sessions: per stream, its viewers, the share connected to the
-- description: P2P back end, the share of bytes that came from peers, the viewers that got nothing from peers,
-- description: and the stream's rank by traffic. A viewer's bytes are p2p + cdn (a missing cdn counts as 0).
-- param: min_viewers Int = 0 range 0.. | Only streams with at least this many viewers (the traffic rank is over all streams).
-- description: The columns are named as the sessions dataset's metrics of the same meaning (count, connectedCount,
-- description: ...); the former names (viewers, ...) are deprecated.
-- column: stream Int | Stream number (1..9).
-- column: count Long | Viewers, one per row of the sessions file (count); the dataset's count.
-- column: connected_count Long | Viewers connected to the P2P back end (count); the dataset's connectedCount.
-- column: connected_share Float | connected_count / count (share 0..1).
-- column: p2p_bytes Float | Bytes from peers (bytes).
-- column: total_bytes Float | Bytes from peers and from the CDN (bytes).
-- column: p2p_share Float | p2p_bytes / total_bytes (share 0..1); null without bytes.
-- column: no_p2p_viewer_count Long | Viewers with p2p = 0 (count); the dataset's noP2pViewerCount.
-- column: no_p2p_viewer_share Float | no_p2p_viewer_count / count (share 0..1); the dataset's noP2pViewerShare.
-- column: traffic_rank Long | Rank of the stream by total_bytes, 1 = most traffic.
-- column: viewers Long deprecated count | Viewers (count).
-- column: connected_viewers Long deprecated connected_count | Connected viewers (count).
-- column: no_p2p_viewers Long deprecated no_p2p_viewer_count | Viewers with p2p = 0 (count).
-- column: no_p2p_share Float deprecated no_p2p_viewer_share | Share of viewers with p2p = 0 (share 0..1).
WITH streams AS (
    SELECT stream, count(*) AS viewers,
           count(*) FILTER (WHERE connected) AS connected_viewers,
           CAST(sum(coalesce(p2p, 0)) AS DOUBLE) AS p2p_bytes,
           CAST(sum(coalesce(p2p, 0) + coalesce(cdn, 0)) AS DOUBLE) AS total_bytes,
           count(*) FILTER (WHERE p2p = 0) AS no_p2p_viewers
    FROM sessions
    GROUP BY stream
), ranked AS (
    SELECT stream, viewers AS count, connected_viewers AS connected_count,
           CAST(connected_viewers AS DOUBLE) / viewers AS connected_share,
           p2p_bytes, total_bytes,
           p2p_bytes / nullif(total_bytes, 0) AS p2p_share,
           no_p2p_viewers AS no_p2p_viewer_count,
           CAST(no_p2p_viewers AS DOUBLE) / viewers AS no_p2p_viewer_share,
           rank() OVER (ORDER BY total_bytes DESC) AS traffic_rank,
           viewers, connected_viewers, no_p2p_viewers,
           CAST(no_p2p_viewers AS DOUBLE) / viewers AS no_p2p_share
    FROM streams
)
SELECT * FROM ranked
WHERE count >= :min_viewers
ORDER BY stream
