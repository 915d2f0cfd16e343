package qoegraph.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A piece of SQL text and the values of its {@code ?} placeholders, in text order. */
public record SqlFragment(String sql, List<Object> params) {
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** Trusted text with no parameters: identifiers from the model, keywords, dialect functions. */
    public static SqlFragment text(String sql) {
        return new SqlFragment(sql, List.of());
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
