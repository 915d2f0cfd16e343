package qoegraph.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One mapping of a model file with its place ({@code metrics.p2pShare}); reads typed values and reports errors. */
final class Section {
    private final String file;
    private final String key;
    private final Map<?, ?> values;
    private final Problems errors;

    Section(String file, String key, Map<?, ?> values, Problems errors) {
        this.file = file;
        this.key = key;
        this.values = values;
        this.errors = errors;
    }

    String key() {
        return key;
    }

    void error(String message) {
        errors.atKey(file, key, message);
    }

    void error(String subKey, String message) {
        errors.atKey(file, key.isEmpty() ? subKey : key + "." + subKey, message);
    }

    void allowOnly(Set<String> allowed) {
        for (Object k : values.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                error("unknown key '" + k + "'" + Names.didYouMean(String.valueOf(k), allowed));
            }
        }
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String string(String name) {
        Object value = values.get(name);
        if (value == null) {
            error("missing '" + name + "'");
            return null;
        }
        return optionalString(name);
    }

    String optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            error(name, "expected a text value");
            return null;
        }
        return String.valueOf(value);
    }

    boolean bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            error(name, "expected true or false, got '" + value + "'");
            return false;
        }
        return (Boolean) value;
    }

    Double number(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number)) {
            error(name, "expected a number, got '" + value + "'");
            return null;
        }
        return ((Number) value).doubleValue();
    }

    /** The sub-mappings of a mapping-valued key, in file order; empty when absent. */
    Map<String, Section> children(String name) {
        Map<String, Section> out = new LinkedHashMap<>();
        Map<?, ?> map = map(name);
        String prefix = key.isEmpty() ? name : key + "." + name;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String childKey = prefix + "." + e.getKey();
            if (!(e.getValue() instanceof Map)) {
                errors.atKey(file, childKey, "expected a mapping of keys to values");
                continue;
            }
            out.put(String.valueOf(e.getKey()), new Section(file, childKey, (Map<?, ?>) e.getValue(), errors));
        }
        return out;
    }

    /** A mapping-valued key as a plain map of texts; empty when absent. */
    Map<String, String> strings(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        map(name).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /** This mapping as a plain map of texts (a value that is no text is an error). */
    Map<String, String> asStrings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v == null || v instanceof Map || v instanceof List) {
                error(String.valueOf(k), "expected a name");
            } else {
                out.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return out;
    }

    Section child(String name) {
        String childKey = key.isEmpty() ? name : key + "." + name;
        return new Section(file, childKey, map(name), errors);
    }

    private Map<?, ?> map(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            error(name, "expected a mapping");
            return Map.of();
        }
        return (Map<?, ?>) value;
    }
}
