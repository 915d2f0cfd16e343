package qoegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> csv(Map<String, Object> response, String[] problem) {
        return CsvRows.of(response, value -> {
            try {
                return JSON.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, problem);
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
    void rowsBecomeAHeaderAndLinesWithNestedValuesAsJson() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("isp", "BTP");
        row.put("count", 2);
        row.put("tags", List.of("a", "b"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("isp", null);
        second.put("count", 1);
        second.put("tags", List.of());
        String[] problem = new String[1];
        String text = csv(Map.of("data", Map.of("sessions", Arrays.asList(row, second))), problem).orElseThrow();
        assertEquals("isp,count,tags\r\nBTP,2,\"[\"\"a\"\",\"\"b\"\"]\"\r\n,1,[]\r\n", text);
    }

    @Test
    void errorsAndSeveralRootFieldsAreRefusedWithAReason() {
        String[] problem = new String[1];
        assertTrue(csv(Map.of("errors", List.of(Map.of("message", "x"))), problem).isEmpty());
        assertTrue(problem[0].contains("errors"), problem[0]);
        assertTrue(csv(Map.of("data", Map.of("a", List.of(), "b", List.of())), problem).isEmpty());
        assertTrue(problem[0].contains("exactly one root field"), problem[0]);
    }
}
