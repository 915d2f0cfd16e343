package qoegraph.sql;

import java.util.List;
import qoegraph.query.Window;

/**
 * Writes window values over the grouped rows of a relation. {@code value} is the grouped metric column,
 * {@code partition} the PARTITION BY list, {@code order} the ORDER BY list used by running functions (the
 * time dimension first when one is selected); ranks order by the value, highest first.
 */
final class WindowWriter {
    private static final String RUNNING = " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";

    SqlFragment write(Window window, String value, List<String> partition, List<String> order, List<String> tieBreak) {
        String p = partition.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partition);
        String byValue = orderBy(List.of(value + " DESC NULLS LAST"));
        String running = orderBy(order);
        // without a running order each partition is one group; lag still needs an ORDER BY on some engines (Trino)
        String previousOrder = order.isEmpty() ? orderBy(List.of(value)) : running;
        switch (window.fn()) {
            case RANK:
                return text("rank() " + over(p, byValue));
            case DENSE_RANK:
                return text("dense_rank() " + over(p, byValue));
            case ROW_NUMBER:
                return text("row_number() " + over(p, orderBy(concat(List.of(value + " DESC NULLS LAST"), tieBreak))));
            case SHARE:
                return text("(CAST(" + value + " AS DOUBLE) / NULLIF(sum(" + value + ") " + over(p, "") + ", 0))");
            case CUMULATIVE_SUM:
                return text("sum(" + value + ") " + over(p, running + RUNNING));
            case CUMULATIVE_SHARE:
                return text("(CAST(sum(" + value + ") " + over(p, running + RUNNING) + " AS DOUBLE) / NULLIF(sum("
                        + value + ") " + over(p, "") + ", 0))");
            case MOVING_AVERAGE:
                // a DOUBLE on every engine: Trino's avg of a DECIMAL is a DECIMAL, DuckDB's a DOUBLE
                return new SqlBuilder().append("CAST(avg(" + value + ") OVER (" + join(p, running) + " ROWS BETWEEN ")
                        .param(window.size() - 1).append(" PRECEDING AND CURRENT ROW) AS DOUBLE)").build();
            case DIFFERENCE:
                return text("(" + value + " - lag(" + value + ") " + over(p, previousOrder) + ")");
            case PERCENT_CHANGE:
                String previous = "lag(" + value + ") " + over(p, previousOrder);
                return text("(CAST(" + value + " - " + previous + " AS DOUBLE) / NULLIF(" + previous + ", 0))");
            default:
                throw new IllegalStateException("no SQL for " + window.fn());
        }
    }

    private static SqlFragment text(String sql) {
        return SqlFragment.text(sql);
    }

    private static String over(String partition, String order) {
        return "OVER (" + join(partition, order) + ")";
    }

    private static String join(String a, String b) {
        return (a + " " + b).trim();
    }

    private static String orderBy(List<String> keys) {
        return keys.isEmpty() ? "" : "ORDER BY " + String.join(", ", keys);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
