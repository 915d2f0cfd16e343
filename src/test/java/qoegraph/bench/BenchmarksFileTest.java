package qoegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run rewrites its own scale's section of BENCHMARKS.md and keeps everything else. */
class BenchmarksFileTest {
    @TempDir
    Path dir;

    @Test
    void aRunReplacesOnlyItsScale() throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nTargets, written by hand.\n");
        BenchmarksFile.writeSection(file, 1, "## Scale 1: first\n");
        BenchmarksFile.writeSection(file, 10, "## Scale 10: only\n");
        BenchmarksFile.writeSection(file, 1, "## Scale 1: second\n");
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Benchmarks\n\nTargets, written by hand.\n"), text);
        assertFalse(text.contains("first"), text);
        assertTrue(text.indexOf("Scale 1: second") < text.indexOf("Scale 10: only"), "scale 1 keeps its place: " + text);
        assertEquals(1, text.split("bench:scale-1:start", -1).length - 1, text);
    }

    @Test
    void aMissingFileGetsAHeader() throws Exception {
        Path file = dir.resolve("sub/BENCHMARKS-ci.md");
        BenchmarksFile.writeSection(file, 1, "## Scale 1\n");
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Benchmarks"), text);
        assertTrue(text.contains("<!-- bench:scale-1:start -->\n## Scale 1\n<!-- bench:scale-1:end -->"), text);
    }
}
