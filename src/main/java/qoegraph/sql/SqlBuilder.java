package qoegraph.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds SQL text and its parameters together: {@code param(v)} writes {@code ?} and records the value at
 * the same moment, so the two cannot drift apart and no value is ever written into the text.
 */
public final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends trusted text: keywords, quoted model identifiers, dialect functions. */
    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    public SqlBuilder append(SqlFragment fragment) {
        sql.append(fragment.sql());
        params.addAll(fragment.params());
        return this;
    }

    /** Writes a {@code ?} placeholder bound to {@code value}. */
    public SqlBuilder param(Object value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends the fragments with {@code separator} between them. */
    public SqlBuilder join(List<SqlFragment> fragments, String separator) {
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            append(fragments.get(i));
        }
        return this;
    }

    public boolean isEmpty() {
        return sql.length() == 0;
    }

    public SqlFragment build() {
        return new SqlFragment(sql.toString(), params);
    }
}
