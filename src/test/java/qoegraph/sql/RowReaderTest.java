package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qoegraph.model.FieldType;

/** Each column type read by its own reader gives the value (and class) a map of the old per-value conversion held. */
class RowReaderTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static QueryResult run(String sql, List<OutputColumn> columns) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return new SqlRunner(Duration.ofSeconds(10)).run(c, new SqlStatement(sql, List.of(), columns, 100));
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void numbersAndTextKeepTheirClassesAndNulls() throws Exception {
        QueryResult result = run("SELECT * FROM (VALUES "
                        + "(1::INTEGER, 300::SMALLINT, 5000000000::BIGINT, 7::BIGINT, 2.5::DOUBLE, 'a'::VARCHAR, 12::INTEGER, 9::BIGINT), "
                        + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
                        + "(-2147483648, -7, -9223372036854775808, 2147483647, '-0.0'::DOUBLE, '', -1, -9223372036854775808)) "
                        + "v(a, b, c, d, e, f, g, h) ORDER BY a NULLS LAST",
                List.of(new OutputColumn("int", FieldType.INT, null), new OutputColumn("small", FieldType.INT, null),
                        new OutputColumn("long", FieldType.LONG, null), new OutputColumn("intFromBig", FieldType.INT, null),
                        new OutputColumn("float", FieldType.FLOAT, null), new OutputColumn("text", FieldType.STRING, null),
                        new OutputColumn("longFromInt", FieldType.LONG, null), new OutputColumn("id", FieldType.ID, null)));
        List<Map<String, Object>> expected = List.of(
                map("int", Integer.MIN_VALUE, "small", -7, "long", Long.MIN_VALUE, "intFromBig", Integer.MAX_VALUE,
                        "float", -0.0d, "text", "", "longFromInt", -1L, "id", Long.MIN_VALUE),
                map("int", 1, "small", 300, "long", 5_000_000_000L, "intFromBig", 7, "float", 2.5d, "text", "a",
                        "longFromInt", 12L, "id", 9L),
                map("int", null, "small", null, "long", null, "intFromBig", null, "float", null, "text", null,
                        "longFromInt", null, "id", null));
        assertEquals(expected, result.rows());
        assertEquals(expected.toString(), result.rows().toString());
        assertEquals(expected.hashCode(), result.rows().hashCode());
        for (int r = 0; r < expected.size(); r++) {
            for (String key : expected.get(r).keySet()) {
                Object want = expected.get(r).get(key);
                Object got = result.rows().get(r).get(key);
                assertEquals(want == null ? null : want.getClass(), got == null ? null : got.getClass(), key);
            }
            assertEquals(new ArrayList<>(expected.get(r).keySet()), new ArrayList<>(result.rows().get(r).keySet()));
        }
    }

    @Test
    void anIntFieldOverABigintPastIntStillFails() {
        assertThrows(ArithmeticException.class, () -> run("SELECT 3000000000::BIGINT AS c0",
                List.of(new OutputColumn("n", FieldType.INT, null))));
    }

    @Test
    void hugeSumsDecimalsAndListsAreReadAsBefore() throws Exception {
        QueryResult result = run("SELECT 170141183460469231731687303715884105727::HUGEINT, 12::HUGEINT, 1.25::DECIMAL(10,2), "
                        + "[1, 2]::INTEGER[], true",
                List.of(new OutputColumn("huge", FieldType.LONG, null), new OutputColumn("small", FieldType.LONG, null),
                        new OutputColumn("exact", FieldType.FLOAT, null), new OutputColumn("list", FieldType.INT_LIST, null),
                        new OutputColumn("flag", FieldType.BOOLEAN, null)));
        assertEquals(List.of(map("huge", new BigInteger("170141183460469231731687303715884105727"), "small", 12L,
                "exact", new BigDecimal("1.25"), "list", Arrays.asList(1, 2), "flag", true)), result.rows());
    }

    @Test
    void storedUtcTimesAreShownInTheColumnsZoneAcrossDaylightSavingAndBeforeTheEpoch() throws Exception {
        QueryResult result = run("SELECT t FROM (VALUES (TIMESTAMP '2024-03-31 00:59:59.999999'), "
                        + "(TIMESTAMP '2024-03-31 01:00:00'), (TIMESTAMP '2024-03-31 01:00:00'), (TIMESTAMP '1969-12-31 23:59:59.5'), "
                        + "(NULL), (TIMESTAMP '2024-10-27 00:30:00')) v(t)",
                List.of(new OutputColumn("paris", FieldType.DATE_TIME, PARIS)));
        List<Object> times = result.rows().stream().map(r -> r.get("paris")).toList();
        assertEquals(Arrays.asList(
                OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 999_999_000, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2024, 3, 31, 3, 0, 0, 0, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2024, 3, 31, 3, 0, 0, 0, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(1970, 1, 1, 0, 59, 59, 500_000_000, ZoneOffset.ofHours(1)),
                null,
                OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneOffset.ofHours(2))), times);
        QueryResult utc = run("SELECT TIMESTAMP '1969-12-31 23:59:59.000001'",
                List.of(new OutputColumn("utc", FieldType.DATE_TIME, ZoneOffset.UTC)));
        assertEquals(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 1000, ZoneOffset.UTC), utc.rows().get(0).get("utc"));
    }

    @Test
    void aKeySelectedTwiceKeepsItsFirstPlaceAndItsLastValue() throws Exception {
        QueryResult result = run("SELECT 1, 'x', 2",
                List.of(new OutputColumn("n", FieldType.INT, null), new OutputColumn("s", FieldType.STRING, null),
                        new OutputColumn("n", FieldType.INT, null)));
        assertEquals(List.of(map("n", 2, "s", "x")), result.rows());
        assertEquals(List.of("n", "s"), new ArrayList<>(result.rows().get(0).keySet()));
    }

    @Test
    void rowsAreReadOnlyAndAnswerForKeysTheyDoNotHold() throws Exception {
        Map<String, Object> row = run("SELECT 1", List.of(new OutputColumn("n", FieldType.INT, null))).rows().get(0);
        assertThrows(UnsupportedOperationException.class, () -> row.put("n", 3));
        assertThrows(UnsupportedOperationException.class, () -> row.remove("n"));
        assertNull(row.get("m"));
        assertTrue(row.containsKey("n"));
        assertEquals(Map.of("n", 1), row);
    }
}
