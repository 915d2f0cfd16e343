package qoegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BENCHMARKS.md keeps one generated section per scale between markers; a run replaces its own scale's section and
 * leaves the rest (the other scales, the notes written by hand) as it is.
 */
final class BenchmarksFile {
    private static final String HEADER = "# Benchmarks\n\nWritten by `java -jar target/qoegraph.jar benchmark`"
            + " (see the README's Benchmarks section).\n";

    private BenchmarksFile() {
    }

    static void writeSection(Path file, int scale, String section) throws IOException {
        String start = "<!-- bench:scale-" + scale + ":start -->\n";
        String end = "<!-- bench:scale-" + scale + ":end -->\n";
        String text = Files.exists(file) ? Files.readString(file) : HEADER;
        String block = start + section + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text + (text.endsWith("\n\n") ? "" : "\n") + block;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, text);
    }
}
