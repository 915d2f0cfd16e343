package qoegraph.catalog;

/** The catalog could not be read: a server fault, never a user's mistake. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
