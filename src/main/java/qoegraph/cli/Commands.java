package qoegraph.cli;

import io.micronaut.context.ApplicationContext;
import qoegraph.generate.SessionsGenerator;
import qoegraph.generate.study.StudyGenerator;
import qoegraph.ingest.IngestException;
import qoegraph.ingest.IngestReport;
import qoegraph.ingest.IngestResult;
import qoegraph.ingest.Ingester;
import qoegraph.web.SampleData;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The jar's commands besides serving: {@code generate} and {@code ingest}. Each returns an exit code. */
public final class Commands {

    static final String USAGE = """
            usage:
              java -jar qoegraph.jar [serve]                    start the server (the default)
              java -jar qoegraph.jar generate [--out DIR] [--scale S] [--sessions-scale N] [--seed N] [--plain]
                  write the sample data: DIR/sessions.csv and DIR/ucn/<table>.csv.gz
                  --scale: study-log volume (1 = the published study; default %s)
                  --sessions-scale: whole multiple of the published sessions file (default 1)
                  --plain: write the study tables as .csv instead of .csv.gz
              java -jar qoegraph.jar ingest PATH...             ingest files or folders into the database
                  (set the database with -Dqoegraph.database=FILE or QOEGRAPH_DATABASE; stop the server first)
            """.formatted(StudyGenerator.DEFAULT_SCALE);

    private Commands() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "generate" -> generate(Args.parse(rest, Set.of("out", "scale", "sessions-scale", "seed", "plain")), out);
                case "ingest" -> ingest(rest, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("qoegraph: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IngestException e) {
            err.println("qoegraph: " + e.getMessage());
            return 1;
        }
    }

    private static int generate(Args args, PrintStream out) throws UsageException {
        Path dir = Path.of(args.get("out", "data/sample"));
        double scale = args.number("scale", StudyGenerator.DEFAULT_SCALE);
        double sessionsScale = args.number("sessions-scale", 1);
        if (scale <= 0 || sessionsScale < 1 || sessionsScale != Math.rint(sessionsScale)) {
            throw new UsageException("--scale must be > 0 and --sessions-scale a whole number >= 1");
        }
        long seed = (long) args.number("seed", SessionsGenerator.DEFAULT_SEED);
        try {
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            long sessions = SessionsGenerator.write(dir.resolve(SampleData.SESSIONS_FILE), seed, (int) sessionsScale);
            out.printf("%s: %,d rows%n", dir.resolve(SampleData.SESSIONS_FILE), sessions);
            boolean gzip = !args.options().containsKey("plain");
            Map<String, Long> study = StudyGenerator.write(dir.resolve(SampleData.STUDY_DIR), seed, scale, gzip);
            study.forEach((table, rows) -> out.printf("%s: %,d rows%n", dir.resolve(SampleData.STUDY_DIR).resolve(table), rows));
            out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (java.io.IOException e) {
            throw new UsageException("cannot write into " + dir + ": " + e.getMessage());
        }
    }

    private static int ingest(String[] paths, PrintStream out, PrintStream err) {
        if (paths.length == 0) {
            throw new UsageException("ingest needs at least one file or folder");
        }
        Map<String, Object> noSample = Map.of("qoegraph.sample-on-first-start", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(noSample).start()) {
            Ingester ingester = context.getBean(Ingester.class);
            int failures = 0;
            for (String p : paths) {
                try {
                    print(ingester.ingest(Path.of(p)), out);
                } catch (IngestException e) {
                    err.println("qoegraph: " + e.getMessage());
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    private static void print(IngestReport report, PrintStream out) {
        for (IngestResult r : report.files()) {
            out.printf("%-18s %-24s %s: read %,d, loaded %,d, rejected %,d, incomplete %,d%n", r.status(), r.table(),
                    r.file(), r.linesRead(), r.loaded(), r.rejected(), r.incomplete());
        }
        out.printf("total: read %,d, loaded %,d, rejected %,d, incomplete %,d, skipped %d file(s) in %.1f s%n",
                report.linesRead(), report.loaded(), report.rejected(), report.incomplete(), report.skipped(),
                report.took().toMillis() / 1e3);
    }
}
