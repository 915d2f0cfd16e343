package qoegraph.model;

import java.util.List;

/** sources.yml is unreadable or invalid; carries every problem found, each with file and key. */
public final class SourceTablesException extends RuntimeException {

    private final List<String> errors;

    public SourceTablesException(List<String> errors) {
        super(errors.size() + " error(s) in source table layouts:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
