package qoegraph.ingest;

import java.nio.file.Path;

/** A file could not be ingested; the message names the file and what is wrong. Nothing of it was stored. */
public final class IngestException extends RuntimeException {

    private final transient Path file;

    public IngestException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public IngestException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** A problem not about one file (the database schema, for instance). */
    public IngestException(String problem, Throwable cause) {
        super(problem, cause);
        this.file = null;
    }

    /** The file the problem is about; null when the problem is not about one file. */
    public Path file() {
        return file;
    }
}
