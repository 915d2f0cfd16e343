package qoegraph.ingest;

/** What an ingest did with one file; the names are what the API's {@code IngestStatus} and the CLI print. */
public enum IngestStatus {
    /** Read and loaded. */
    INGESTED,
    /** Already ingested (same content): nothing read or loaded this time. */
    SKIPPED_DUPLICATE
}
