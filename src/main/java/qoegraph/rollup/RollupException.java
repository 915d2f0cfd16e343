package qoegraph.rollup;

import java.util.List;

/** Bad rollup files: every problem with its file and line, so start-up fails once with all of them. */
public final class RollupException extends RuntimeException {
    private final List<String> problems;

    public RollupException(List<String> problems) {
        super("bad rollup files:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
