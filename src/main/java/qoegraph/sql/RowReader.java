package qoegraph.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the rows of one result set into {@link Row}s: each column's reader is chosen once from the result's column
 * types ({@link ResultValues#reader}), and the rows share their keys.
 */
final class RowReader {
    private final ResultSet rs;
    private final ResultValues.Reader[] readers;
    private final int[] slots;
    private final Row.Keys keys;

    RowReader(ResultSet rs, List<OutputColumn> columns) throws SQLException {
        this.rs = rs;
        this.readers = new ResultValues.Reader[columns.size()];
        this.slots = new int[columns.size()];
        this.keys = Row.Keys.of(columns, slots);
        ResultSetMetaData meta = rs.getMetaData();
        for (int c = 0; c < readers.length; c++) {
            readers[c] = ResultValues.reader(meta, c + 1, columns.get(c));
        }
    }

    /** The current row of the result set. */
    Row read() throws SQLException {
        Object[] values = new Object[keys.size()];
        for (int c = 0; c < readers.length; c++) {
            values[slots[c]] = readers[c].read(rs);
        }
        return new Row(keys, values);
    }
}
