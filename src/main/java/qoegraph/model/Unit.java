package qoegraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a number means, shown in the API docs next to every field. */
public enum Unit {
    BYTES("bytes"),
    PACKETS("packets"),
    SECONDS("seconds"),
    SHARE("share 0..1"),
    COUNT("count"),
    DEGREES("degrees"),
    NONE("");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    /** The text shown to people, e.g. {@code share 0..1}. */
    public String label() {
        return label;
    }

    /** The name written in model files: the lower-case constant name. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Unit> fromYamlName(String name) {
        return Arrays.stream(values()).filter(u -> u.yamlName().equals(name)).findFirst();
    }
}
