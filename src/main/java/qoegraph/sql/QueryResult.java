package qoegraph.sql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rows of one statement, keyed by output key in selection order.
 *
 * @param truncated whether more rows than the limit matched (the limit cut the result)
 */
public record QueryResult(List<Map<String, Object>> rows, boolean truncated, Duration elapsed) {
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
