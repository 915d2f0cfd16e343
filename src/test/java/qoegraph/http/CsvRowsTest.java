package qoegraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static CsvRows.Table csv(Map<String, Object> response) {
        return CsvRows.of(response, ResponseJson::write);
    }

    @Test
    void quotesOnlyWhatRfc4180AsksToQuote() {
        assertEquals("plain", CsvRows.field("plain"));
        assertEquals("\"a,b\"", CsvRows.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvRows.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvRows.field("two\nlines"));
        assertEquals("", CsvRows.field(null));
        assertEquals("0.75", CsvRows.field(0.75));
    }

    @Test
    void numbersArePlainDecimalsAsInTheJson() {
        assertEquals("10869138537.753881", CsvRows.field(1.0869138537753881E10));
        assertEquals("100000000", CsvRows.field(1.0E8));
        assertEquals("0.000501", CsvRows.field(5.01E-4));
        assertEquals("0", CsvRows.field(0.0));
        assertEquals("1954355963456.3918", CsvRows.field(new BigDecimal("1954355963456.391800")));
        assertEquals("9223324764212750187", CsvRows.field(9223324764212750187L));
        assertEquals("[1.5,100000000,0.000501]", ResponseJson.write(List.of(1.5, 1.0E8, new BigDecimal("5.01E-4"))),
                "JSON writes the same text");
    }

    @Test
    void rowsBecomeAHeaderAndLinesWithNestedValuesAsJson() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("isp", "BTP");
        row.put("count", 2);
        row.put("tags", List.of("a", "b"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("isp", null);
        second.put("count", 1);
        second.put("tags", List.of());
        CsvRows.Table table = csv(Map.of("data", Map.of("sessions", Arrays.asList(row, second))));
        assertEquals("isp,count,tags\r\nBTP,2,\"[\"\"a\"\",\"\"b\"\"]\"\r\n,1,[]\r\n", table.csv());
        assertEquals("sessions.csv", table.fileName());
    }

    @Test
    void theOneListMayBeNestedInObjects() {
        Map<String, Object> data = Map.of("reports", Map.of("streamHealth", List.of(Map.of("stream", 1))));
        CsvRows.Table table = csv(Map.of("data", data));
        assertNull(table.problem());
        assertEquals("stream\r\n1\r\n", table.csv());
        assertEquals(List.of("reports", "streamHealth"), table.path());
        assertEquals("streamHealth.csv", table.fileName());
    }

    @Test
    void errorsAndSeveralListsAreRefusedWithAReason() {
        assertTrue(csv(Map.of("errors", List.of(Map.of("message", "x")))).problem().contains("errors"));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("a", List.of());
        two.put("r", Map.of("b", List.of()));
        String problem = csv(Map.of("data", two)).problem();
        assertTrue(problem.contains("one list of rows") && problem.contains("selects 2 (a, r.b)"), problem);
    }
}
