-- Rollup file. Header lines "-- key: value" (the other comment lines are prose):
--   rollup:     the rollup's name (named in extensions and catalog); the table is _rollup_<name>
--   dataset:    the dataset it aggregates (queries/model/datasets/<dataset>.yml)
--   dimensions: dimension names, comma-separated; a time dimension as name:hour (minute hour day week
--               month quarter year): its column holds date_trunc(<unit>, time) in UTC
--   metrics:    metric names it serves, comma-separated (a ratio brings its parts); only metrics that
--               partial aggregates rebuild: count, count_if, sum, min, max, avg, ratios of those
-- The SELECT after the header builds the table. It returns exactly one column per dimension (named as
-- the dimension) and per metric: count / count_if / sum / min / max -> <metric> (that aggregate over the
-- group); avg -> <metric>__sum and <metric>__count (sum and count of the non-null values); ratio -> none.
-- Start-up DESCRIBEs the SELECT and fails, naming this file and line, on a missing, extra or ill-typed
-- column; each build checks that time columns are truncated as declared.
--
-- rollup: sessionsByStream
-- dataset: sessions
-- dimensions: stream, isp, browser, connected
-- metrics: count, connectedCount, connectedShare, p2pBytes, cdnBytes, totalBytes, p2pShare, meanP2pFraction, p2pViewerCount, avgTotalBytes
SELECT stream, isp, browser, connected,
       count(*) AS count,
       count_if(connected) AS connectedCount,
       sum(p2p) AS p2pBytes,
       sum(cdn) AS cdnBytes,
       sum(coalesce(p2p, 0) + coalesce(cdn, 0)) AS totalBytes,
       sum(CAST(CAST(p2p AS DOUBLE) / NULLIF(p2p + cdn, 0) AS DECIMAL(38,18))) AS meanP2pFraction__sum,
       count(CAST(CAST(p2p AS DOUBLE) / NULLIF(p2p + cdn, 0) AS DECIMAL(38,18))) AS meanP2pFraction__count,
       count_if(p2p > 0) AS p2pViewerCount,
       sum(p2p + cdn) AS avgTotalBytes__sum,
       count(p2p + cdn) AS avgTotalBytes__count
FROM sessions
GROUP BY 1, 2, 3, 4
