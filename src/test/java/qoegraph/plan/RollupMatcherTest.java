package qoegraph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import qoegraph.model.Dimension;
import qoegraph.model.Expr;
import qoegraph.model.FieldType;
import qoegraph.model.ParticipantZone;
import qoegraph.model.Unit;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;

/**
 * {@link RollupMatcher#canServe} one case per line. Columns: expected, query dimensions (name, or
 * name:GRANULARITY / name:PART), query metrics (name, or name! for one that cannot be rebuilt), where
 * (field op value; ts values relative to 2015-05-04T00:00), zone, rollup dimensions (ts:HOUR ...), rollup
 * metrics.
 */
class RollupMatcherTest {

    private static final String CASES = """
        true  | ts:DAY              | bytes           |                      | UTC          | ts:HOUR devtype | bytes       | day query, hour rollup -> yes
        false | ts:HOUR             | bytes           |                      | UTC          | ts:DAY devtype  | bytes       | hour query, day rollup -> no
        true  | ts:HOUR             | bytes           |                      | UTC          | ts:HOUR         | bytes       | same granularity -> yes
        false | ts                  | bytes           |                      | UTC          | ts:HOUR         | bytes       | raw time, hour rollup -> no
        true  | ts                  | bytes           |                      | UTC          | ts              | bytes       | raw time, raw rollup -> yes
        false | ts:MINUTE           | bytes           |                      | UTC          | ts:HOUR         | bytes       | minute query, hour rollup -> no
        true  | ts:WEEK             | bytes           |                      | UTC          | ts:DAY          | bytes       | week query, day rollup -> yes
        false | ts:WEEK             | bytes           |                      | UTC          | ts:MONTH        | bytes       | week query, month rollup -> no
        false | ts:MONTH            | bytes           |                      | UTC          | ts:WEEK         | bytes       | month query, week rollup -> no (weeks straddle months)
        true  | ts:QUARTER          | bytes           |                      | UTC          | ts:MONTH        | bytes       | quarter query, month rollup -> yes
        true  | ts:HOUR_OF_DAY      | bytes           |                      | UTC          | ts:HOUR         | bytes       | hour of day, hour rollup -> yes
        false | ts:HOUR_OF_DAY      | bytes           |                      | UTC          | ts:DAY          | bytes       | hour of day, day rollup -> no
        true  | ts:DAY_OF_WEEK      | bytes           |                      | UTC          | ts:DAY          | bytes       | day of week, day rollup -> yes
        true  | ts:DAY              | bytes           |                      | Europe/Paris | ts:HOUR         | bytes       | Paris day, hour rollup -> yes (whole-hour offsets)
        true  | ts:HOUR_OF_DAY      | bytes           |                      | Europe/London| ts:HOUR         | bytes       | London hour of day, hour rollup -> yes
        false | ts:DAY              | bytes           |                      | Asia/Kolkata | ts:HOUR         | bytes       | Kolkata (+05:30) day, hour rollup -> no
        true  | ts:DAY              | bytes           |                      | Asia/Kolkata | ts:MINUTE       | bytes       | Kolkata day, minute rollup -> yes
        false | ts:DAY              | bytes           |                      | Europe/Paris | ts:DAY          | bytes       | Paris day, UTC day rollup -> no
        true  | devtype             | bytes           |                      | Asia/Kolkata | ts:HOUR devtype | bytes       | zone irrelevant without time dimensions -> yes
        true  | ts:DAY              | bytes           |                      | PARTICIPANT  | ts:HOUR country | bytes       | participant day, hour rollup with country -> yes
        false | ts:DAY              | bytes           |                      | PARTICIPANT  | ts:HOUR         | bytes       | participant day without the country column -> no
        false | os                  | bytes           |                      | UTC          | ts:HOUR devtype | bytes       | dimension not kept -> no
        true  |                     | bytes           | devtype eq phone     | UTC          | ts:HOUR devtype | bytes       | filter column kept -> yes
        false |                     | bytes           | os eq ios            | UTC          | ts:HOUR devtype | bytes       | filter column not kept -> no
        true  |                     | bytes           | ts gte 0h            | UTC          | ts:HOUR         | bytes       | ts >= hour boundary -> yes
        true  |                     | bytes           | ts lt 5h             | UTC          | ts:HOUR         | bytes       | ts < hour boundary -> yes
        false |                     | bytes           | ts gte 30m           | UTC          | ts:HOUR         | bytes       | ts >= half past -> no
        false |                     | bytes           | ts lte 5h            | UTC          | ts:HOUR         | bytes       | ts <= hour boundary -> no (10:00:05 is in bucket 10:00)
        false |                     | bytes           | ts eq 5h             | UTC          | ts:HOUR         | bytes       | ts = hour boundary -> no
        false |                     | bytes           | ts gte 5h            | UTC          | ts:DAY          | bytes       | ts >= 05:00, day rollup -> no
        true  |                     | bytes           | ts isNull true       | UTC          | ts:HOUR         | bytes       | ts is null -> yes
        true  | devtype             | bytes count     |                      | UTC          | devtype         | bytes count | all metrics kept -> yes
        false | devtype             | bytes flows     |                      | UTC          | devtype         | bytes       | metric not kept -> no
        false | devtype             | flows!          |                      | UTC          | devtype         | flows       | count_distinct kept by name -> still no
        false | devtype             | bytesMedian!    |                      | UTC          | devtype         | bytes       | median -> no
        true  |                     | bytes           |                      | UTC          | ts:HOUR devtype | bytes       | grand total from any rollup -> yes
        """;

    @TestFactory
    Stream<DynamicTest> canServe() {
        return CASES.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] c = line.split("\\|", -1);
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i].strip();
            }
            return DynamicTest.dynamicTest(c[7], () -> canServe(Boolean.parseBoolean(c[0]), blank(c[1]), c[2],
                    blank(c[3]), c[4], c[5], c[6], c[7]));
        });
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    void canServe(boolean expected, String dims, String metrics, String where, String zone, String rollupDims,
                  String rollupMetrics, String title) {
        QueryShape shape = new QueryShape("traffic", dimensions(dims), fields(where), timeFilters(where),
                metrics(metrics), zone(zone));
        Map<String, Granularity> kept = new LinkedHashMap<>();
        for (String d : rollupDims.split(" ")) {
            String[] p = d.split(":");
            kept.put(p[0], p.length > 1 ? Granularity.valueOf(p[1]) : null);
        }
        RollupDeclaration rollup = new RollupDeclaration("r", "traffic", "_rollup_r", kept, Set.of(rollupMetrics.split(" ")));
        assertEquals(expected, RollupMatcher.canServe(shape, rollup),
                () -> title + ": " + RollupMatcher.whyNot(shape, rollup).orElse("served"));
    }

    private static final LocalDateTime DAY = LocalDateTime.parse("2015-05-04T00:00");

    private static List<QueryShape.TimeUse> dimensions(String dims) {
        List<QueryShape.TimeUse> out = new ArrayList<>();
        if (dims == null) {
            return out;
        }
        for (String d : dims.split(" ")) {
            String[] p = d.split(":");
            if (!p[0].equals("ts")) {
                out.add(QueryShape.TimeUse.plain(p[0]));
            } else if (p.length == 1) {
                out.add(QueryShape.TimeUse.time("ts", null));
            } else if (p[1].contains("_")) {
                out.add(QueryShape.TimeUse.part("ts", DatePart.valueOf(p[1])));
            } else {
                out.add(QueryShape.TimeUse.time("ts", Granularity.valueOf(p[1])));
            }
        }
        return out;
    }

    private static Filter.Compare compare(String where) {
        String[] p = where.split(" ");
        Object value = p[2];
        if (p[0].equals("ts") && !p[1].equals("isNull")) {
            value = p[2].endsWith("h") ? DAY.plusHours(Long.parseLong(p[2].replace("h", "")))
                    : DAY.plusMinutes(Long.parseLong(p[2].replace("m", "")));
        }
        Operator op = p[1].equals("isNull") ? Operator.IS_NULL : Operator.valueOf(p[1].toUpperCase());
        return new Filter.Compare(p[0], op, value);
    }

    private static Set<String> fields(String where) {
        return where == null ? Set.of() : Set.of(compare(where).field());
    }

    private static List<Filter.Compare> timeFilters(String where) {
        return where == null || !where.startsWith("ts ") ? List.of() : List.of(compare(where));
    }

    private static Map<String, Boolean> metrics(String metrics) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String m : metrics.split(" ")) {
            out.put(m.replace("!", ""), !m.endsWith("!"));
        }
        return out;
    }

    private static TimeZoneChoice zone(String zone) {
        if (!zone.equals("PARTICIPANT")) {
            return TimeZoneChoice.of(ZoneId.of(zone));
        }
        ParticipantZone rule = new ParticipantZone("country",
                Map.of("fr", ZoneId.of("Europe/Paris"), "uk", ZoneId.of("Europe/London")), ZoneId.of("UTC"));
        return TimeZoneChoice.participant(rule, new Dimension("country", "c", FieldType.STRING, Unit.NONE,
                Expr.parse("{user.country}"), false));
    }
}
