-- The Trino variant of ../05_unique_destinations.sql: split/slice/array_join for the domain labels,
-- regexp_like for addresses, trim(BOTH '.' FROM ...), GROUP BY ordinals, shares divided as DOUBLE.
-- name: uniqueDestinations
-- description: Per user with two or more personal devices (shared devices left out), the share of the
-- description: destinations that only one of the user's devices contacts: destination IPs of its traffic; app
-- description: domains (DNS query names and HTTP hosts); user domains (DNS queries with user_req and not
-- description: duplicate, HTTP hosts with user_url). Names are reduced to the registrable domain: the last two
-- description: labels, or the last three under a second-level suffix such as co.uk, org.uk, ac.uk, gov.uk, com.au;
-- description: IP addresses stay as they are. As in the study, a domain counts for a device only when the device
-- description: asked for it at least minRequests times (per source: DNS, HTTP).
-- param: min_requests Int = 2 range 1.. | A name counts for a device only when it asked for it at least this many times (the study used 2; 1 keeps every name).
-- column: user_id Int | The user's id.
-- column: country String | The user's country: fr or uk.
-- column: devices Long | The user's personal devices (count).
-- column: ips Long | Distinct destination IPs of the user's devices (count).
-- column: unique_ips Long | Of those, the ones only one device contacts (count).
-- column: unique_ip_share Float | unique_ips / ips (share 0..1); null without IPs.
-- column: domains Long | Distinct registrable domains of DNS queries and HTTP hosts (count).
-- column: unique_domains Long | Of those, the ones only one device asked for (count).
-- column: unique_domain_share Float | unique_domains / domains (share 0..1); null without domains.
-- column: user_domains Long | Distinct registrable domains of user requests (count).
-- column: unique_user_domains Long | Of those, the ones only one device asked for (count).
-- column: unique_user_domain_share Float | unique_user_domains / user_domains (share 0..1); null without any.
WITH personal AS (
    SELECT ud.user_id, d.id AS devid
    FROM user_devices AS ud JOIN devices AS d ON d.id = ud.device_id
    WHERE NOT d.shared
), owners AS (
    SELECT p.user_id, u.country, count(*) AS devices
    FROM personal AS p JOIN users AS u ON u.id = p.user_id
    GROUP BY p.user_id, u.country
    HAVING count(*) >= 2
), second_level(suffix) AS (
    VALUES ('co.uk'), ('org.uk'), ('ac.uk'), ('gov.uk'), ('me.uk'), ('ltd.uk'), ('plc.uk'), ('net.uk'), ('nhs.uk'),
           ('com.au'), ('net.au'), ('org.au'), ('co.jp'), ('co.nz'), ('co.za'), ('com.br'), ('com.cn'), ('co.in'),
           ('gouv.fr'), ('asso.fr')
), names AS (
    SELECT devid, query AS name, CASE WHEN user_req AND NOT duplicate THEN 1 ELSE 0 END AS usr, 'dns' AS source
    FROM dnsreqs
    UNION ALL
    SELECT devid, req_url_host, CASE WHEN user_url THEN 1 ELSE 0 END, 'http' FROM httpreqs
), counted AS (
    SELECT p.user_id, n.devid, n.source, lower(trim(BOTH '.' FROM n.name)) AS name,
           count(*) AS requests, sum(n.usr) AS user_requests
    FROM names AS n JOIN personal AS p ON p.devid = n.devid
    WHERE n.name IS NOT NULL AND trim(BOTH '.' FROM n.name) <> ''
    GROUP BY 1, 2, 3, 4
), labelled AS (
    SELECT *, split(name, '.') AS labels FROM counted
), domains AS (
    SELECT user_id, devid, requests, user_requests,
           CASE WHEN regexp_like(name, '^([0-9.]+|.*:.*)$') THEN name
                WHEN cardinality(labels) >= 3 AND array_join(slice(labels, -2, 2), '.') IN (SELECT suffix FROM second_level)
                    THEN array_join(slice(labels, -3, 3), '.')
                WHEN cardinality(labels) >= 2 THEN array_join(slice(labels, -2, 2), '.')
                ELSE name END AS domain
    FROM labelled
), ips AS (
    SELECT p.user_id, count(DISTINCT t.devid) AS devices
    FROM deviceapptraffic AS t JOIN personal AS p ON p.devid = t.devid
    WHERE t.dstip IS NOT NULL
    GROUP BY p.user_id, t.dstip
), app AS (
    SELECT user_id, count(DISTINCT devid) AS devices FROM domains
    WHERE requests >= :min_requests GROUP BY user_id, domain
), usr AS (
    SELECT user_id, count(DISTINCT devid) AS devices FROM domains
    WHERE user_requests >= :min_requests GROUP BY user_id, domain
), ip_counts AS (
    SELECT user_id, count(*) AS total, count(*) FILTER (WHERE devices = 1) AS single FROM ips GROUP BY user_id
), app_counts AS (
    SELECT user_id, count(*) AS total, count(*) FILTER (WHERE devices = 1) AS single FROM app GROUP BY user_id
), usr_counts AS (
    SELECT user_id, count(*) AS total, count(*) FILTER (WHERE devices = 1) AS single FROM usr GROUP BY user_id
)
SELECT o.user_id, o.country, o.devices,
       coalesce(i.total, 0) AS ips, coalesce(i.single, 0) AS unique_ips, CAST(i.single AS DOUBLE) / i.total AS unique_ip_share,
       coalesce(a.total, 0) AS domains, coalesce(a.single, 0) AS unique_domains,
       CAST(a.single AS DOUBLE) / a.total AS unique_domain_share,
       coalesce(u.total, 0) AS user_domains, coalesce(u.single, 0) AS unique_user_domains,
       CAST(u.single AS DOUBLE) / u.total AS unique_user_domain_share
FROM owners AS o
LEFT JOIN ip_counts AS i ON i.user_id = o.user_id
LEFT JOIN app_counts AS a ON a.user_id = o.user_id
LEFT JOIN usr_counts AS u ON u.user_id = o.user_id
ORDER BY o.user_id
