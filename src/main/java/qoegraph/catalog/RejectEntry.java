package qoegraph.catalog;

/** A line ingest could not load: kept with its place in the file, its text and why. */
public record RejectEntry(int fileId, long line, String raw, String reason) {
}
