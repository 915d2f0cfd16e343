package qoegraph.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import qoegraph.generate.SessionsGenerator;
import qoegraph.generate.study.StudyGenerator;
import qoegraph.ingest.IngestReport;
import qoegraph.ingest.Ingester;
import qoegraph.model.SourceTables;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.plan.Planner;
import qoegraph.query.Query;
import qoegraph.query.QueryValidator;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlRunner;

/**
 * The generated files (sessions at scale 1, the study at {@link #STUDY_SCALE}) ingested into a DuckDB file
 * through the real Ingester, built once per test run and shared by this package's test classes: generating
 * and ingesting take most of their time. It lives in a temporary directory that JUnit's root store deletes
 * when the run ends. Inject it as a parameter of a {@code @BeforeAll} method of a class extended with
 * {@link Resolver}.
 */
final class GeneratedData implements AutoCloseable {
    /** The study scale: StudyGenerator's default, a tenth of the study, about 300 thousand traffic rows. */
    static final double STUDY_SCALE = StudyGenerator.DEFAULT_SCALE;
    static final Path MODEL_DIR = Path.of("queries/model");

    final Path dir;
    final Path sessionsCsv;
    final Path studyDir;
    final Map<String, Long> studyRows;
    final IngestReport sessionsIngest;
    final IngestReport studyIngest;
    final Model model = ModelLoader.load(MODEL_DIR);
    private final Connection root;
    private final Connection queries;
    private Table sessions;
    private Rows.Study study;
    private Table traffic;

    private GeneratedData() throws IOException, SQLException {
        dir = Files.createTempDirectory("qoegraph-difftest");
        sessionsCsv = dir.resolve("sessions.csv");
        studyDir = dir.resolve("study");
        SessionsGenerator.write(sessionsCsv, SessionsGenerator.DEFAULT_SEED, 1);
        studyRows = StudyGenerator.write(studyDir, StudyGenerator.DEFAULT_SEED, STUDY_SCALE, false);
        root = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("difftest.duckdb"));
        Ingester ingester = new Ingester(root, SourceTables.load(MODEL_DIR.resolve("sources.yml")), line -> { });
        ingester.ensureSchema();
        sessionsIngest = ingester.ingest(sessionsCsv);
        studyIngest = ingester.ingest(studyDir);
        queries = ((DuckDBConnection) root).duplicate();
    }

    /** Validates, plans, compiles and runs a query: the engine under test. */
    QueryResult run(Query query) throws SQLException {
        new QueryValidator(model).check(query);
        return new SqlRunner(Duration.ofSeconds(120)).run(queries,
                new SelectCompiler().compile(new Planner(model).plan(query)));
    }

    synchronized Table sessions() {
        if (sessions == null) {
            sessions = Rows.sessions(sessionsCsv);
        }
        return sessions;
    }

    synchronized Rows.Study study() {
        if (study == null) {
            study = new Rows.Study(studyDir);
        }
        return study;
    }

    synchronized Table traffic() {
        if (traffic == null) {
            traffic = Rows.traffic(study());
        }
        return traffic;
    }

    @Override
    public void close() throws Exception {
        try {
            queries.close();
            root.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Resolves a {@code GeneratedData} parameter from the run-wide store, building it on first use. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == GeneratedData.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(GeneratedData.class))
                    .getOrComputeIfAbsent(GeneratedData.class, k -> build(), GeneratedData.class);
        }

        private static GeneratedData build() {
            try {
                return new GeneratedData();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
