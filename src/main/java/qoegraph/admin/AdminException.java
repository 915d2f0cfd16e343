package qoegraph.admin;

/** An admin request that cannot be carried out as asked: the message says why and what to do. */
public class AdminException extends RuntimeException {
    public AdminException(String message) {
        super(message);
    }
}
