package qoegraph.graphql.fetch;

import graphql.GraphQLContext;
import qoegraph.sql.Row;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A dataset root field's rows as graphql-java would have completed them, completed only when read: each row is
 * the map of its selected result keys, in selection order, to their completed values ({@link RowColumn}). The rows
 * of the statement are held once; a writer reads the values one by one ({@link #value}) and never builds a second
 * copy of the answer. As a list it reads like the completed rows (the CSV writer, the response cache).
 */
public final class CompletedRows extends AbstractList<Map<String, Object>> implements RandomAccess {
    private final List<Map<String, Object>> rows;
    private final List<RowColumn> columns;
    private final GraphQLContext context;
    private final Locale locale;

    /** The keys of the statement's {@link Row}s, when they are, and each column's place in them: no lookup by key. */
    private final Row.Keys keys;
    private final int[] slots;

    CompletedRows(List<Map<String, Object>> rows, List<RowColumn> columns, GraphQLContext context, Locale locale) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.context = context;
        this.locale = locale;
        this.keys = !rows.isEmpty() && rows.get(0) instanceof Row first ? first.keys() : null;
        this.slots = this.columns.stream().mapToInt(c -> keys == null ? -1 : keys.slot(c.key())).toArray();
    }

    /** Whether every value completes without a field error ({@link RowColumn#accepts}). */
    boolean acceptedWhole() {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (!columns.get(c).accepts(raw(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The result keys of every row, in the order graphql-java writes them. */
    public List<String> keys() {
        return columns.stream().map(RowColumn::key).toList();
    }

    public int columnCount() {
        return columns.size();
    }

    /** The completed value of one field of one row: text, a number, a boolean, a list of those, or null. */
    public Object value(int row, int column) {
        return columns.get(column).complete(raw(row, column), context, locale);
    }

    /** The fetched value of one field of one row. */
    private Object raw(int row, int column) {
        Map<String, Object> values = rows.get(row);
        if (values instanceof Row fast && fast.keys() == keys) {
            return slots[column] < 0 ? null : fast.value(slots[column]);
        }
        return values.get(columns.get(column).key());
    }

    @Override
    public Map<String, Object> get(int row) {
        Map<String, Object> completed = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            completed.put(columns.get(c).key(), value(row, c));
        }
        return completed;
    }

    @Override
    public int size() {
        return rows.size();
    }
}
