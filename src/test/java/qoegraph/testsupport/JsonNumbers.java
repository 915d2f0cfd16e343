package qoegraph.testsupport;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON answers write numbers in their shortest form ({@code 800} for a Float of 800, {@code 0.75}), so a parsed
 * answer holds an Integer where a test wrote {@code 800.0}. This compares numbers by value: a whole number becomes a
 * Long, any other number its double; maps and lists are mapped through.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    public static Object canonical(Object value) {
        if (value instanceof Number number) {
            BigDecimal exact = new BigDecimal(number.toString());
            if (exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0) {
                return exact.longValue();
            }
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, canonical(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonNumbers::canonical).toList();
        }
        return value;
    }
}
