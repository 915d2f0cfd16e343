package qoegraph.generate;

import qoegraph.generate.study.StudyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The bundled sample data: the sessions CSV and the study logs, written by the seeded generators into
 * one folder in exactly the layouts real files have, so the first start exercises the real ingest path.
 */
public final class SampleData {

    public static final String SESSIONS_FILE = "sessions.csv";
    public static final String STUDY_DIR = "ucn";

    private SampleData() {
    }

    /** True when the folder already holds a complete sample (both parts), so a restart reuses it. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SESSIONS_FILE)) && Files.isDirectory(dir.resolve(STUDY_DIR));
    }

    /** Writes both parts; the study part at the given volume scale. Files go to a temp folder first, so an
     *  interrupted generation never leaves a half sample behind. */
    public static void generate(Path dir, double studyScale, int sessionsScale, Consumer<String> progress) {
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, ".sample-");
            long t0 = System.nanoTime();
            long rows = SessionsGenerator.write(tmp.resolve(SESSIONS_FILE), SessionsGenerator.DEFAULT_SEED, sessionsScale);
            progress.accept(String.format("generated %s: %,d rows in %.1f s", SESSIONS_FILE, rows, seconds(t0)));
            long t1 = System.nanoTime();
            var study = StudyGenerator.write(tmp.resolve(STUDY_DIR), StudyGenerator.DEFAULT_SEED, studyScale, true);
            progress.accept(String.format("generated study logs at scale %s: %,d rows in %.1f s", studyScale,
                    study.values().stream().mapToLong(Long::longValue).sum(), seconds(t1)));
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.move(tmp, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample data into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
