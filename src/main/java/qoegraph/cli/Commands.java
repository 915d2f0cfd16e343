package qoegraph.cli;

import io.micronaut.context.ApplicationContext;
import qoegraph.bench.BenchOptions;
import qoegraph.bench.Benchmark;
import qoegraph.bench.LoadTest;
import qoegraph.generate.SessionsGenerator;
import qoegraph.generate.study.StudyGenerator;
import qoegraph.ingest.IngestException;
import qoegraph.ingest.IngestSummary;
import qoegraph.ingest.IngestResult;
import qoegraph.ingest.Ingester;
import qoegraph.generate.SampleData;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The jar's commands besides serving: {@code generate}, {@code ingest}, {@code benchmark}, {@code loadtest}. Each returns an exit code. */
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
              java -jar qoegraph.jar benchmark [--scale 1|10|100] [--out BENCHMARKS.md] [--quick] [--study-scale S]
                  [--data-dir DIR] [--runs N] [--warmups N] [--ingest-runs N] [--seconds N] [--only ingest]
                  generate the data at a scale (kept in --data-dir, default data/bench), time ingest, queries,
                  requests/s, memory and start-up; print the figures and write them into --out (its section for
                  this scale). Run it from the repository root (it reads queries/). --quick: fewer, shorter runs.
                  --only ingest: the ingest against read_csv alone, printed only (--out is left as it is).
                  --trino-url jdbc:trino://HOST:PORT --trino-lake DIR: the query mix and the rollups on Trino too,
                  side by side with DuckDB (src/trino-runner/run DIR starts a local Trino over DIR)
              java -jar qoegraph.jar loadtest [--url URL] [--clients 32] [--seconds 60]
                  send a mix of queries from many clients, print requests, errors, latency, server memory;
                  without --url it starts a server on the sample data. Exit code 1 when any request failed
            """.formatted(StudyGenerator.DEFAULT_SCALE);

    private static final Set<String> BENCH_OPTIONS = Set.of("scale", "study-scale", "out", "data-dir", "runs",
            "warmups", "ingest-runs", "seconds", "quick", "trino-url", "trino-lake", "only");

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
                case "benchmark" -> benchmark(Args.parse(rest, BENCH_OPTIONS), rest, out, err);
                case "loadtest" -> loadtest(Args.parse(rest, Set.of("url", "clients", "seconds")), out, err);
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

    private static int benchmark(Args args, String[] words, PrintStream out, PrintStream err) {
        int scale = (int) args.number("scale", 1);
        boolean quick = args.options().containsKey("quick");
        boolean big = scale >= 10;
        String only = args.get("only", "");
        if (!only.isEmpty() && !only.equals("ingest")) {
            throw new UsageException("--only takes ingest (the ingest against read_csv alone), not '" + only + "'");
        }
        BenchOptions options;
        try {
            options = new BenchOptions(scale, args.number("study-scale", StudyGenerator.DEFAULT_SCALE * scale),
                    Path.of(args.get("data-dir", "data/bench")), Path.of(args.get("out", "BENCHMARKS.md")),
                    (int) args.number("warmups", quick ? 2 : 5), (int) args.number("runs", quick ? 10 : 30),
                    quick || big ? 0 : 1, (int) args.number("ingest-runs", quick || big ? 1 : 3),
                    Duration.ofSeconds((long) args.number("seconds", quick ? 3 : 10)),
                    ("java -jar target/qoegraph.jar benchmark " + String.join(" ", words)).trim(), !only.isEmpty());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String trinoUrl = args.get("trino-url", "");
        if (trinoUrl.isEmpty() != args.get("trino-lake", "").isEmpty()) {
            throw new UsageException("--trino-url and --trino-lake go together");
        }
        try {
            new Benchmark(options, out).trino(trinoUrl.isEmpty() ? null : trinoUrl,
                    trinoUrl.isEmpty() ? null : Path.of(args.get("trino-lake", ""))).run();
            return 0;
        } catch (Exception e) {
            err.println("qoegraph: the benchmark could not run: " + e);
            return 1;
        }
    }

    private static int loadtest(Args args, PrintStream out, PrintStream err) {
        int clients = (int) args.number("clients", 32);
        long seconds = (long) args.number("seconds", 60);
        if (clients < 1 || seconds < 1) {
            throw new UsageException("--clients and --seconds must be at least 1");
        }
        try {
            return LoadTest.run(args.options().get("url"), clients, Duration.ofSeconds(seconds), out);
        } catch (Exception e) {
            err.println("qoegraph: the load test could not run: " + e);
            return 1;
        }
    }

    private static void print(IngestSummary summary, PrintStream out) {
        for (IngestResult r : summary.files()) {
            out.printf("%-18s %-24s %s: read %,d, loaded %,d, rejected %,d, incomplete %,d%n", r.status(), r.table(),
                    r.file(), r.linesRead(), r.loaded(), r.rejected(), r.incomplete());
        }
        out.printf("total: read %,d, loaded %,d, rejected %,d, incomplete %,d, skipped %d file(s) in %.1f s%n",
                summary.linesRead(), summary.loaded(), summary.rejected(), summary.incomplete(), summary.skipped(),
                summary.took().toMillis() / 1e3);
    }
}
