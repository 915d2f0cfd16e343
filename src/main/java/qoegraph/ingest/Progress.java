package qoegraph.ingest;

import java.util.Locale;

/** Console wording of ingest progress: sizes, counts with thousands separators, durations. */
final class Progress {

    private Progress() {
    }

    static String bytes(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String done(IngestResult result) {
        return result.file().getFileName() + ": " + count(result.linesRead()) + " lines, " + count(result.loaded())
                + " loaded, " + count(result.rejected()) + " rejected, " + count(result.incomplete()) + " incomplete in "
                + seconds(result.took().toNanos());
    }
}
