package qoegraph.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One compiled query: text with {@code ?} placeholders, their values, what each result column becomes, and
 * the row limit. The text fetches {@code limit + 1} rows so that the runner can tell whether it truncated.
 */
public record SqlStatement(String sql, List<Object> params, List<OutputColumn> columns, int limit) {
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(new ArrayList<>(params));
        columns = List.copyOf(columns);
    }
}
