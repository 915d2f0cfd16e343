package qoegraph.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import qoegraph.model.FieldType;

/** Which filter values fit which field types, and how time values become the stored naive UTC time. */
public final class Values {
    private Values() {
    }

    public static boolean accepts(FieldType type, Object value) {
        if (value == null) {
            return false;
        }
        switch (type.elementType()) {
            case INT: case LONG: case FLOAT:
                return value instanceof Number && isFinite((Number) value);
            case ID:
                return toId(value) != null;
            case STRING:
                return value instanceof CharSequence;
            case BOOLEAN:
                return value instanceof Boolean;
            case DATE_TIME:
                return toUtc(value) != null;
            default:
                return false;
        }
    }

    private static boolean isFinite(Number n) {
        return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
    }

    /**
     * A time value as naive UTC, as the tables store it: instants and offset times are converted, naive
     * values (LocalDateTime, or ISO text without an offset) are taken as UTC, a date as its UTC midnight.
     *
     * @return null when the value is not a time
     */
    public static LocalDateTime toUtc(Object value) {
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime) {
            return toUtc(((ZonedDateTime) value).toOffsetDateTime());
        }
        if (value instanceof Instant) {
            return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay();
        }
        return value instanceof CharSequence ? parse(value.toString()) : null;
    }

    private static LocalDateTime parse(String text) {
        try {
            return toUtc(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** An identifier as the 64-bit number the store holds: from its digits (as sent) or a whole number; else null. */
    public static Long toId(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence text) {
            try {
                return Long.valueOf(text.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether a number has no fractional part. */
    public static boolean isWhole(double d) {
        return Double.isFinite(d) && d == Math.rint(d);
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + value + "'";
    }
}
