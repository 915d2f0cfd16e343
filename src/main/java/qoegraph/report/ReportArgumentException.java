package qoegraph.report;

/** An argument value a report cannot take (out of its declared range, null where a value is needed). */
public final class ReportArgumentException extends RuntimeException {
    public ReportArgumentException(String message) {
        super(message);
    }
}
