package qoegraph.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line words: {@code --name value} options (from a known set) and positional arguments. */
record Args(Map<String, String> options, List<String> positional) {

    static Args parse(String[] words, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (!w.startsWith("--")) {
                positional.add(w);
                continue;
            }
            String name = w.substring(2);
            int eq = name.indexOf('=');
            String value;
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < words.length && !words[i + 1].startsWith("--")) {
                value = words[++i];
            } else {
                value = "true";
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
            options.put(name, value);
        }
        return new Args(options, positional);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, not '" + v + "'");
        }
    }
}
