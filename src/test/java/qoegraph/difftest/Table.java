package qoegraph.difftest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of one dataset as parsed by this package (never read back from DuckDB), one array per dimension,
 * with the Java type the engine must return for it. Values: Integer, Long, Double, String, Boolean,
 * LocalDateTime (naive UTC), List (of String or Integer) or null.
 */
final class Table {
    enum Kind { INT, LONG, FLOAT, STRING, BOOLEAN, TIME, STRING_LIST, INT_LIST }

    record Column(String name, Kind kind, Object[] values) {
        boolean numeric() {
            return kind == Kind.INT || kind == Kind.LONG || kind == Kind.FLOAT;
        }
    }

    final String dataset;
    final int size;
    final Map<String, Column> columns = new LinkedHashMap<>();
    /** For datasets with participant zones: the dimension whose value picks the zone. */
    String participantDimension;

    Table(String dataset, int size) {
        this.dataset = dataset;
        this.size = size;
    }

    Table add(String name, Kind kind, Object[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + size + " rows");
        }
        columns.put(name, new Column(name, kind, values));
        return this;
    }

    Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in " + dataset);
        }
        return c;
    }
}
