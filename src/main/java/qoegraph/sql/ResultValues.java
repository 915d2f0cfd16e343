package qoegraph.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Turns a JDBC value into the Java value an {@link OutputColumn} promises. */
final class ResultValues {
    private ResultValues() {
    }

    static Object read(ResultSet rs, int index, OutputColumn column) throws SQLException {
        switch (column.type()) {
            case DATE_TIME:
                return time(rs, index, column);
            case STRING_LIST: case INT_LIST:
                return list(rs.getArray(index));
            default:
                return convert(rs.getObject(index), column);
        }
    }

    private static Object time(ResultSet rs, int index, OutputColumn column) throws SQLException {
        if (column.zone() == null) {
            // participants' times: the instant in UTC, then the offset of the participant's zone to show it at
            String text = rs.getString(index);
            if (text == null) {
                return null;
            }
            int space = text.indexOf(' ');
            int minutes = Integer.parseInt(text.substring(space + 1)) - SqlDialect.OFFSET_BIAS;
            return LocalDateTime.parse(text.substring(0, space)).atOffset(ZoneOffset.UTC)
                    .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
        }
        LocalDateTime value = rs.getObject(index, LocalDateTime.class);
        return value == null ? null : value.atOffset(ZoneOffset.UTC).atZoneSameInstant(column.zone()).toOffsetDateTime();
    }

    private static List<Object> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Object[]) array.getArray());
    }

    static Object convert(Object value, OutputColumn column) {
        if (!(value instanceof Number)) {
            return value;
        }
        Number n = (Number) value;
        switch (column.type()) {
            case INT:
                return Math.toIntExact(exactLong(n));
            case LONG:
                return n instanceof BigInteger big && big.bitLength() > 63 ? big : exactLong(n);
            case FLOAT:
                return n instanceof BigDecimal exact ? exact : n.doubleValue();   // a DECIMAL sum keeps every digit
            default:
                return value;
        }
    }

    /** Counts and integer sums exactly (DuckDB sums integers as HUGEINT); whole doubles (buckets) too. */
    private static long exactLong(Number n) {
        if (n instanceof BigInteger) {
            return ((BigInteger) n).longValueExact();
        }
        if (n instanceof BigDecimal) {
            return ((BigDecimal) n).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        }
        if (n instanceof Double || n instanceof Float) {
            return (long) Math.floor(n.doubleValue());
        }
        return n.longValue();
    }
}
