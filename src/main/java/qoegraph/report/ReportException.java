package qoegraph.report;

import java.util.List;

/** Report files that cannot be served: every problem with its file and line, so start-up fails once with all. */
public final class ReportException extends RuntimeException {
    private final List<String> problems;

    public ReportException(List<String> problems) {
        super("bad report files:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
