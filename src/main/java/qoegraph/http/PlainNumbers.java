package qoegraph.http;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.math.BigDecimal;

/**
 * Numbers as people write them, the same in JSON and in CSV: plain decimals, never Java's exponent notation
 * ({@code 1.0869138537753881E10}, {@code 1.0E8}, {@code 5.01E-4} become {@code 10869138537.753881},
 * {@code 100000000}, {@code 0.000501}), in their shortest exact form: a double as the fewest digits that read back
 * as the same double (Schubfach, as Jackson's fast writer), an exact decimal (a DECIMAL sum) with every digit,
 * trailing zeros dropped.
 */
final class PlainNumbers {
    private PlainNumbers() {
    }

    /** The text of a number; null for a double that is not finite (no JSON or CSV number can say it). */
    static String text(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            String shortest = number instanceof Float f ? NumberOutput.toString(f, true) : NumberOutput.toString(d, true);
            return plain(new BigDecimal(shortest));
        }
        if (number instanceof BigDecimal exact) {
            return plain(exact);
        }
        return number.toString();   // Integer, Long, BigInteger: already plain
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }
}
