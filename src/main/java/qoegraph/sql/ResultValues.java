package qoegraph.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import qoegraph.model.FieldType;

/** Turns a JDBC value into the Java value an {@link OutputColumn} promises. */
final class ResultValues {
    private ResultValues() {
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs) throws SQLException;
    }

    /**
     * The reader of column {@code index}, chosen once per statement from the engine's column type: the common
     * types are read with the getter that gives the value {@link #read} gives without its boxing, type tests and
     * conversions; every other column is read by {@link #read}.
     */
    static Reader reader(ResultSetMetaData meta, int index, OutputColumn column) throws SQLException {
        if (column.totalled() == null) {
            Reader direct = direct(meta.getColumnTypeName(index), index, column);
            if (direct != null) {
                return direct;
            }
        }
        return rs -> read(rs, index, column);
    }

    /** Equal to {@link #read}'s value for these engine types (java.sql's getters as DuckDB and Trino name them). */
    private static Reader direct(String engineType, int index, OutputColumn column) {
        String type = engineType.toUpperCase(java.util.Locale.ROOT);
        boolean bigint = type.equals("BIGINT");
        boolean integer = type.equals("INTEGER") || type.equals("SMALLINT") || type.equals("TINYINT");
        switch (column.type()) {
            case INT:
                if (integer) {
                    return rs -> {
                        int v = rs.getInt(index);
                        return rs.wasNull() ? null : Integer.valueOf(v);
                    };
                }
                return bigint ? rs -> {
                    long v = rs.getLong(index);
                    return rs.wasNull() ? null : Integer.valueOf(Math.toIntExact(v));
                } : null;
            case LONG: case ID:
                if (bigint) {
                    return rs -> {
                        long v = rs.getLong(index);
                        return rs.wasNull() ? null : Long.valueOf(v);
                    };
                }
                return integer && column.type() == FieldType.LONG ? rs -> {
                    int v = rs.getInt(index);
                    return rs.wasNull() ? null : Long.valueOf(v);
                } : null;
            case FLOAT:
                return type.equals("DOUBLE") ? rs -> {
                    double v = rs.getDouble(index);
                    return rs.wasNull() ? null : Double.valueOf(v);
                } : null;
            case STRING:
                return type.equals("VARCHAR") ? rs -> rs.getString(index) : null;
            case DATE_TIME:
                // DuckDB's name (case and all) for its timestamp of microseconds, which its getLong gives
                return column.zone() != null && engineType.equals("TIMESTAMP") ? new MicrosInZone(index, column) : null;
            default:
                return null;
        }
    }

    /**
     * A stored UTC timestamp read as its microseconds and shown in the column's zone, as {@link #time} shows it,
     * with the zone's rules looked up once (a ZoneOffset makes new rules on each call) and the value of the row before
     * reused when the time is the same (results are often sorted by time).
     */
    private static final class MicrosInZone implements Reader {
        private final int index;
        private final ZoneRules rules;
        private long lastMicros;
        private OffsetDateTime last;

        MicrosInZone(int index, OutputColumn column) {
            this.index = index;
            this.rules = column.zone().getRules();
        }

        @Override
        public Object read(ResultSet rs) throws SQLException {
            long micros = rs.getLong(index);
            if (rs.wasNull()) {
                return null;
            }
            if (last == null || micros != lastMicros) {
                long seconds = Math.floorDiv(micros, 1_000_000L);
                int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
                ZoneOffset offset = rules.isFixedOffset() ? rules.getOffset(java.time.Instant.EPOCH)
                        : rules.getOffset(java.time.Instant.ofEpochSecond(seconds));
                last = OffsetDateTime.of(LocalDateTime.ofEpochSecond(seconds, nanos, offset), offset);
                lastMicros = micros;
            }
            return last;
        }
    }

    static Object read(ResultSet rs, int index, OutputColumn column) throws SQLException {
        if (column.totalled() != null) {
            return totalled(((Number) rs.getObject(index)).longValue(), column.totalled());
        }
        switch (column.type()) {
            case DATE_TIME:
                return time(rs, index, column);
            case STRING_LIST: case INT_LIST:
                return list(rs.getArray(index));
            default:
                return convert(rs.getObject(index), column);
        }
    }

    /** The dimension keys whose bit is set, the first key being the highest bit. */
    static List<String> totalled(long mask, List<String> keys) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if ((mask >> (keys.size() - 1 - i) & 1) == 1) {
                out.add(keys.get(i));
            }
        }
        return List.copyOf(out);
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
