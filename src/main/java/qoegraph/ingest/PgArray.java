package qoegraph.ingest;

/**
 * SQL that turns PostgreSQL's text form of an array ({@code {a,"b c",NULL}}) into a DuckDB LIST. DuckDB's own
 * VARCHAR-to-LIST cast reads the same element syntax between brackets (quotes, backslash escapes, NULL), so
 * swapping the braces is enough; {@code {}} becomes the empty list and an empty field stays NULL.
 */
final class PgArray {

    private PgArray() {
    }

    /** Fails the statement on a malformed value, so a bad row is never stored half-converted. */
    static String convert(String text, String listType) {
        return "CASE WHEN " + text + " IS NULL THEN NULL WHEN " + text + " LIKE '{%}' THEN " + cast(text, listType)
                + " ELSE error('not a PostgreSQL array literal: ' || " + text + ") END";
    }

    /** True when {@link #convert} succeeds for the value (TRY cannot wrap error(), hence spelled apart). */
    static String convertible(String text, String listType) {
        return "(" + text + " IS NULL OR (" + text + " LIKE '{%}' AND TRY(" + cast(text, listType) + ") IS NOT NULL))";
    }

    private static String cast(String text, String listType) {
        return "CAST('[' || " + text + "[2:-2] || ']' AS " + listType + ")";
    }
}
