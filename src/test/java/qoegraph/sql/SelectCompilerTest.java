package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static qoegraph.query.SelectedDimension.dimension;
import static qoegraph.query.SelectedMetric.metric;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;
import qoegraph.testsupport.JsonNumbers;

/** The exact SQL text and parameters of a few queries, then their rows on the hand-made fixtures. */
class SelectCompilerTest {
    private static final String BYTES = "sum((\"deviceapptraffic\".\"bytes_in\" + \"deviceapptraffic\".\"bytes_out\"))";
    private static TestDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new TestDb().withSessions().withStudy();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void theApiExampleIsOneGroupedSelectWithEveryValueBound() throws Exception {
        Query query = Query.newQuery("sessions").dimensions("isp", "browser").metrics("count", "totalBytes", "p2pShare")
                .where(Filter.and(Filter.eq("connected", true), Filter.compare("isp", Operator.IN, List.of("BTP", "Fro"))))
                .orderBy(OrderBy.desc("p2pShare")).limit(10).build();

        SqlStatement statement = db.compile(query);

        String total = "(coalesce(\"sessions\".\"p2p\", 0) + coalesce(\"sessions\".\"cdn\", 0))";
        assertEquals("SELECT \"sessions\".\"isp\" AS \"c0\", \"sessions\".\"browser\" AS \"c1\", count(*) AS \"c2\", "
                + "sum(" + total + ") AS \"c3\", (CAST(sum(\"sessions\".\"p2p\") AS DOUBLE) / NULLIF(CAST(sum(" + total
                + ") AS DOUBLE), 0)) AS \"c4\" FROM \"sessions\" "
                + "WHERE (\"sessions\".\"connected\" = ? AND \"sessions\".\"isp\" IN (?, ?)) GROUP BY 1, 2 "
                + "ORDER BY 5 DESC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of(true, "BTP", "Fro", 11, 0), statement.params());
        assertEquals(JsonNumbers.canonical(List.of(
                row("isp", "Fro", "browser", "Swamp", "count", 1L, "totalBytes", 1000.0, "p2pShare", 1.0),
                row("isp", "BTP", "browser", "EarthWolf", "count", 3L, "totalBytes", 16300.5, "p2pShare", 15100.5 / 16300.5),
                row("isp", "BTP", "browser", "Iron", "count", 2L, "totalBytes", 600.0, "p2pShare", 400.0 / 600.0),
                row("isp", "Fro", "browser", "EarthWolf", "count", 1L, "totalBytes", 200.0, "p2pShare", 0.25),
                row("isp", "Fro", "browser", "Iron", "count", 1L, "totalBytes", 100.0, "p2pShare", 0.0))),
                JsonNumbers.canonical(db.run(query).rows()));
    }

    @Test
    void aSqlLookingValueIsJustABoundValue() throws Exception {
        String evil = "'; DROP TABLE sessions; --";
        Query query = Query.newQuery("sessions").metrics("count").where(Filter.eq("isp", evil)).build();

        SqlStatement statement = db.compile(query);

        assertEquals("SELECT count(*) AS \"c0\" FROM \"sessions\" WHERE \"sessions\".\"isp\" = ? LIMIT ? OFFSET ?",
                statement.sql());
        assertEquals(List.of(evil, 1001, 0), statement.params());
        assertEquals(List.of(row("count", 1L)), db.run(query).rows());
        assertEquals(List.of(row("count", 20L)), db.run(Query.newQuery("sessions").metrics("count").build()).rows());
    }

    @Test
    void anHourInAZoneIsTheRowMinusItsWayIntoTheLocalHourWithTheZoneBound() throws Exception {
        Query query = Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.HOUR).as("hour"))
                .metrics("bytes").where(Filter.eq("deviceId", 10)).timezone("Europe/Paris").build();

        SqlStatement statement = db.compile(query);

        String ts = "\"deviceapptraffic\".\"ts\"";
        String local = "timezone(?, timezone('UTC', " + ts + "))";
        assertEquals("SELECT (" + ts + " - (" + local + " - date_trunc('hour', " + local + "))) AS \"c0\", "
                + BYTES + " AS \"c1\" FROM \"deviceapptraffic\" WHERE \"deviceapptraffic\".\"devid\" = ? "
                + "GROUP BY 1 ORDER BY 1 ASC NULLS LAST LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of("Europe/Paris", "Europe/Paris", 10, 1001, 0), statement.params());
        assertEquals(List.of(
                row("hour", OffsetDateTime.parse("2015-03-29T00:00+01:00"), "bytes", 440L),
                row("hour", OffsetDateTime.parse("2015-03-29T01:00+01:00"), "bytes", 110L),
                row("hour", OffsetDateTime.parse("2015-03-29T03:00+02:00"), "bytes", 220L),
                row("hour", OffsetDateTime.parse("2015-10-25T02:00+02:00"), "bytes", 11L),
                row("hour", OffsetDateTime.parse("2015-10-25T02:00+01:00"), "bytes", 22L)),
                db.run(query).rows());
    }

    @Test
    void participantTimeIsACaseOnTheOwnersCountryWithEveryZoneBound() throws Exception {
        Query query = Query.newQuery("traffic").dimension(dimension("ts").part(DatePart.HOUR_OF_DAY))
                .metrics("bytes").timezone(Query.PARTICIPANT).build();

        SqlStatement statement = db.compile(query);

        assertEquals("SELECT hour(timezone(CASE \"user\".\"country\" WHEN ? THEN ? WHEN ? THEN ? ELSE ? END, "
                + "timezone('UTC', \"deviceapptraffic\".\"ts\"))) AS \"c0\", " + BYTES + " AS \"c1\" "
                + "FROM \"deviceapptraffic\" LEFT JOIN \"users\" AS \"user\" ON (\"user\".\"id\" = \"deviceapptraffic\".\"user_id\") "
                + "GROUP BY 1 ORDER BY 1 ASC NULLS LAST LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of("fr", "Europe/Paris", "uk", "Europe/London", "UTC", 1001, 0), statement.params());
        assertEquals(List.of(row("ts", 0, "bytes", 1540L), row("ts", 1, "bytes", 7810L), row("ts", 2, "bytes", 2233L),
                row("ts", 3, "bytes", 220L), row("ts", 12, "bytes", 10L), row("ts", 14, "bytes", 100L)),
                db.run(query).rows());
    }

    @Test
    void topWithOtherRankesGroupsThenReaggregatesTheFoldedRowsFromTheBaseTable() throws Exception {
        Query query = Query.newQuery("traffic").dimensions("deviceId", "location").metrics("bytes", "flows")
                .metric(metric("bytes").as("share").window(Window.of(WindowFunction.SHARE, "deviceId")))
                .top(new Top(1, "bytes", List.of("deviceId"), true)).build();

        SqlStatement statement = db.compile(query);

        String from = "FROM \"deviceapptraffic\" LEFT JOIN \"locations\" AS \"stay\" "
                + "ON (\"stay\".\"id\" = \"deviceapptraffic\".\"location_id\")";
        assertEquals("WITH \"g\" AS (SELECT \"deviceapptraffic\".\"devid\" AS \"c0\", \"stay\".\"name\" AS \"c1\", "
                + BYTES + " AS \"rank_by\" " + from + " GROUP BY 1, 2), "
                + "\"r\" AS (SELECT \"g\".\"c0\", \"g\".\"c1\", row_number() OVER (PARTITION BY \"g\".\"c0\" "
                + "ORDER BY \"g\".\"rank_by\" DESC NULLS LAST, \"g\".\"c1\" ASC NULLS LAST) > ? AS \"is_other\" FROM \"g\"), "
                + "\"t\" AS (SELECT \"deviceapptraffic\".\"devid\" AS \"c0\", "
                + "CASE WHEN \"r\".\"is_other\" THEN ? ELSE \"stay\".\"name\" END AS \"c1\", " + BYTES + " AS \"c2\", "
                + "count(DISTINCT \"deviceapptraffic\".\"flowid\") AS \"c3\", " + BYTES + " AS \"c4\", "
                + BYTES + " AS \"rank_by\", \"r\".\"is_other\" AS \"is_other\" " + from + " JOIN \"r\" ON "
                + "\"r\".\"c0\" IS NOT DISTINCT FROM \"deviceapptraffic\".\"devid\" AND "
                + "\"r\".\"c1\" IS NOT DISTINCT FROM \"stay\".\"name\" GROUP BY 1, 2, 7) "
                + "SELECT \"t\".\"c0\", \"t\".\"c1\", \"t\".\"c2\", \"t\".\"c3\", "
                + "(CAST(\"t\".\"c4\" AS DOUBLE) / NULLIF(sum(\"t\".\"c4\") OVER (PARTITION BY \"t\".\"c0\"), 0)) AS \"c4\" "
                + "FROM \"t\" ORDER BY 1 ASC NULLS LAST, \"t\".\"is_other\" ASC, \"t\".\"rank_by\" DESC NULLS LAST, "
                + "2 ASC NULLS LAST LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of(1, "Other", 1001, 0), statement.params());
        assertEquals(List.of(
                row("deviceId", 10, "location", "home", "bytes", 770L, "flows", 2L, "share", 770.0 / 803),
                row("deviceId", 10, "location", "Other", "bytes", 33L, "flows", 2L, "share", 33.0 / 803),
                row("deviceId", 11, "location", null, "bytes", 100L, "flows", 1L, "share", 1.0),
                row("deviceId", 20, "location", "home", "bytes", 6600L, "flows", 2L, "share", 0.6),
                row("deviceId", 20, "location", "Other", "bytes", 4400L, "flows", 1L, "share", 0.4),
                row("deviceId", 30, "location", null, "bytes", 10L, "flows", 1L, "share", 1.0)),
                db.run(query).rows());
    }

    @Test
    void runningWindowsFollowTheTimeDimension() throws Exception {
        Query query = Query.newQuery("traffic").dimension(dimension("ts").granularity(Granularity.DAY).as("day"))
                .metrics("bytes")
                .metric(metric("bytes").as("change").window(Window.of(WindowFunction.DIFFERENCE)))
                .metric(metric("bytes").as("moving").window(Window.movingAverage(2)))
                .build();

        SqlStatement statement = db.compile(query);

        assertEquals("WITH \"g\" AS (SELECT date_trunc('day', \"deviceapptraffic\".\"ts\") AS \"c0\", " + BYTES
                + " AS \"c1\", " + BYTES + " AS \"c2\", " + BYTES + " AS \"c3\" FROM \"deviceapptraffic\" GROUP BY 1) "
                + "SELECT \"g\".\"c0\", \"g\".\"c1\", (\"g\".\"c2\" - lag(\"g\".\"c2\") OVER (ORDER BY \"g\".\"c0\" ASC NULLS LAST)) "
                + "AS \"c2\", CAST(avg(\"g\".\"c3\") OVER (ORDER BY \"g\".\"c0\" ASC NULLS LAST ROWS BETWEEN ? PRECEDING AND "
                + "CURRENT ROW) AS DOUBLE) AS \"c3\" FROM \"g\" ORDER BY 1 ASC NULLS LAST LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of(1, 1001, 0), statement.params());
        assertEquals(List.of(
                row("day", OffsetDateTime.parse("2015-03-28T00:00Z"), "bytes", 440L, "change", null, "moving", 440.0),
                row("day", OffsetDateTime.parse("2015-03-29T00:00Z"), "bytes", 3740L, "change", 3300L, "moving", 2090.0),
                row("day", OffsetDateTime.parse("2015-10-25T00:00Z"), "bytes", 7733L, "change", 3993L, "moving", 5736.5)),
                db.run(query).rows());
    }

    /** A row as an ordered map from alternating keys and values. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
