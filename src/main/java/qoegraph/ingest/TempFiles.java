package qoegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The temporary files ingest writes (a decompressed copy, a repaired last line), deleted after use. */
final class TempFiles {

    private TempFiles() {
    }

    static Path create(Path about, String purpose) {
        try {
            return Files.createTempFile("qoegraph-ingest-", ".csv");
        } catch (IOException e) {
            throw new IngestException(about, "cannot create a temporary file for " + purpose + ": " + e, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
