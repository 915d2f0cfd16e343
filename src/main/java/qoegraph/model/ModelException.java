package qoegraph.model;

import java.util.List;

/** Thrown once by {@link ModelLoader} with every error found in every model file. */
public final class ModelException extends RuntimeException {
    private final List<String> errors;

    public ModelException(List<String> errors) {
        super("model has " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Each error as {@code datasets/sessions.yml: metrics.p2pShare: unknown column 'p2pp'}. */
    public List<String> errors() {
        return errors;
    }
}
