package qoegraph.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A queries folder of a test's own: the real model, and one report file of the test's making. */
public final class QueriesDir {
    private QueriesDir() {
    }

    /** {@code <dir>/queries} with a copy of queries/model and {@code reports/<reportFile>} holding {@code text}. */
    public static Path withReport(Path dir, String reportFile, String text) throws IOException {
        Path queries = dir.resolve("queries");
        Path model = Path.of("queries/model");
        try (Stream<Path> files = Files.walk(model)) {
            for (Path file : files.toList()) {
                Path target = queries.resolve("model").resolve(model.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.createDirectories(queries.resolve("reports"));
        Files.writeString(queries.resolve("reports").resolve(reportFile), text);
        return queries;
    }
}
