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
-- rollup: dnsHourly
-- dataset: dnsRequests
-- dimensions: ts:hour, deviceId, devtype, os, shared, userId, country, userReq, duplicate
-- metrics: count, userRequests
SELECT date_trunc('hour', r.ts) AS ts,
       r.devid AS deviceId, d.devtype AS devtype, d.os AS os, d.shared AS shared,
       r.user_id AS userId, u.country AS country,
       r.user_req AS userReq, r.duplicate AS duplicate,
       count(*) AS count,
       count_if(r.user_req AND NOT r.duplicate) AS userRequests
FROM dnsreqs r
LEFT JOIN devices d ON d.id = r.devid
LEFT JOIN users u ON u.id = r.user_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
