package qoegraph.cli;

/** A command used wrongly: its message is shown to the user with the usage text. */
class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
