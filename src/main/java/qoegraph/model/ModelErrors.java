package qoegraph.model;

import java.util.ArrayList;
import java.util.List;

/** Collects model errors with their file and key, and fails once at the end (Cube's ErrorReporter). */
final class ModelErrors {
    private final List<String> errors = new ArrayList<>();

    void add(String file, String key, String message) {
        errors.add(key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message);
    }

    /** A message that already names its file and key. */
    void add(String located) {
        errors.add(located);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ModelException(errors);
        }
    }
}
