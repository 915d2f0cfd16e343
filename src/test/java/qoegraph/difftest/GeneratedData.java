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
import qoegraph.testsupport.Walk;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.engine.trino.Trino;
import qoegraph.engine.trino.TrinoDialect;
import qoegraph.generate.SessionsGenerator;
import qoegraph.generate.study.StudyGenerator;
import qoegraph.ingest.IngestSummary;
import qoegraph.ingest.Ingester;
import qoegraph.model.SourceTables;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.plan.Plan;
import qoegraph.plan.BuiltRollups;
import qoegraph.rollup.RollupLoader;
import qoegraph.rollup.Rollups;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SqlDialect;

/**
 * The generated files (sessions at scale 1, the study at {@link #STUDY_SCALE}) ingested into a DuckDB file
 * through the real Ingester, with the repository's rollups built, and {@link SyntheticStudy}'s files in a
 * second one; built once per test run and shared by this package's test classes: generating
 * and ingesting take most of their time. It lives in a temporary directory that JUnit's root store deletes
 * when the run ends. Inject it as a parameter of a {@code @BeforeAll} method of a class extended with
 * {@link Resolver}.
 */
final class GeneratedData implements AutoCloseable {
    /** The study scale: StudyGenerator's default, a tenth of the study, about 300 thousand traffic rows. */
    static final double STUDY_SCALE = StudyGenerator.DEFAULT_SCALE;
    static final Path MODEL_DIR = Path.of("queries/model");
    static final Path ROLLUP_DIR = Path.of("queries/rollups");

    final Path dir;
    final Path sessionsCsv;
    final Path studyDir;
    final Map<String, Long> studyRows;
    final IngestSummary sessionsIngest;
    final IngestSummary studyIngest;
    final Path syntheticDir;
    final Model model = ModelLoader.load(MODEL_DIR);
    /** The generated files. */
    final Engine engine;
    /** {@link SyntheticStudy}'s files, in a database of their own. */
    final Engine synthetic;
    private Table sessions;
    private Rows.Study study;
    private Table traffic;
    private Table syntheticTraffic;
    private Table dns;
    private Engine trino;
    private Engine syntheticOnTrino;

    private GeneratedData(Path dir) throws IOException, SQLException {
        this.dir = dir;
        sessionsCsv = dir.resolve("sessions.csv");
        studyDir = dir.resolve("study");
        SessionsGenerator.write(sessionsCsv, SessionsGenerator.DEFAULT_SEED, 1);
        studyRows = StudyGenerator.write(studyDir, StudyGenerator.DEFAULT_SEED, STUDY_SCALE, false);
        syntheticDir = dir.resolve("synthetic");
        SyntheticStudy.write(studyDir, syntheticDir, 20150329L);
        engine = new Engine(dir.resolve("difftest.duckdb"));
        sessionsIngest = engine.ingester.ingest(sessionsCsv);
        studyIngest = engine.ingester.ingest(studyDir);
        synthetic = new Engine(dir.resolve("synthetic.duckdb"));
        synthetic.ingester.ingest(syntheticDir);
        engine.buildRollups();
        synthetic.buildRollups();
    }

    /** Runs a query on the generated files. */
    QueryResult run(Query query) throws SQLException {
        return engine.run(query);
    }

    /**
     * The same files on the Trino engine, as the server with {@code qoegraph.engine: trino} has them: the rows of
     * each ingested file written to the lake as Parquet, a Hive table over each table's folder, the repository's
     * rollups built in Trino. Each run has schemas of its own in the catalog, so runs never see each other's tables.
     *
     * @param url  the coordinator's JDBC URL ({@code jdbc:trino://127.0.0.1:port})
     * @param lake the folder the catalog's {@code local:///} names
     */
    synchronized Engine onTrino(String url, Path lake) throws SQLException {
        if (trino == null) {
            String run = "difftest_" + Long.toHexString(System.nanoTime());
            trino = engine.onTrino(url, lake, run);
            syntheticOnTrino = synthetic.onTrino(url, lake, run + "_synthetic");
        }
        return trino;
    }

    /** {@link SyntheticStudy}'s files on the Trino engine; call {@link #onTrino} first. */
    synchronized Engine syntheticOnTrino() {
        return syntheticOnTrino;
    }

    /**
     * An engine over the Ingester's tables and the repository's rollups: the embedded DuckDB file database the files
     * were ingested into, or Trino over the lake those rows were written to. It runs the server's path (the planner
     * with the built rollups), or the base tables alone.
     */
    final class Engine implements AutoCloseable {
        private final Connection root;
        private final Connection queries;
        private final SqlDialect dialect;
        final Ingester ingester;
        private Rollups rollups;

        private Engine(Path file) throws SQLException {
            root = DriverManager.getConnection("jdbc:duckdb:" + file);
            ingester = new Ingester(root, SourceTables.load(MODEL_DIR.resolve("sources.yml")), line -> { });
            ingester.ensureSchema();
            queries = ((DuckDBConnection) root).duplicate();
            dialect = new DuckDbDialect();
        }

        private Engine(Connection trino) {
            root = null;
            queries = trino;
            ingester = null;
            dialect = new TrinoDialect();
        }

        private void buildRollups() throws SQLException {
            buildRollups(queries);
        }

        /** @param store where the ingest's bookkeeping is: the builds are recorded there */
        private void buildRollups(Connection store) throws SQLException {
            rollups = new Rollups(RollupLoader.load(ROLLUP_DIR, model, queries, dialect), model, dialect, line -> { });
            rollups.refresh(queries, store);
        }

        /** These files on a Trino of its own schema: the lake written, the tables declared, the rollups built. */
        private Engine onTrino(String url, Path lake, String schema) throws SQLException {
            Trino.Settings settings = new Trino.Settings(url, "difftest", "lake", schema, lake.resolve(schema),
                    "local:///" + schema);
            Trino trino = new Trino(settings, 1);
            try (Connection duckdb = ((DuckDBConnection) root).duplicate()) {
                trino.lakeSync(SourceTables.load(MODEL_DIR.resolve("sources.yml")).all()).run(duckdb);
            }
            Engine engine = new Engine(trino.connections().open());
            try (Connection store = ((DuckDBConnection) root).duplicate()) {
                engine.buildRollups(store);
            }
            return engine;
        }

        SqlDialect dialect() {
            return dialect;
        }

        /** The walk on this engine, with the built rollups. */
        private Walk walk() {
            return new Walk(model, dialect, rollups, Duration.ofSeconds(120));
        }

        /** Validates and plans, with the built rollups. */
        Plan plan(Query query) {
            return walk().plan(query);
        }

        /** The answer as the server gives it: from a rollup when one can serve the query. */
        QueryResult run(Query query) throws SQLException {
            return run(plan(query));
        }

        /** The answer from the dataset's own table. */
        QueryResult runOnTable(Query query) throws SQLException {
            return walk().withRollups(BuiltRollups.NONE).run(queries, query);
        }

        QueryResult run(Plan plan) throws SQLException {
            return walk().run(queries, plan);
        }

        /** A compiled statement (a report's, say) on this database. */
        QueryResult run(qoegraph.sql.SqlStatement statement) throws SQLException {
            return walk().run(queries, statement);
        }

        @Override
        public void close() throws SQLException {
            queries.close();
            if (root != null) {
                root.close();
            }
        }
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

    synchronized Table dns() {
        if (dns == null) {
            dns = Rows.dns(study());
        }
        return dns;
    }

    synchronized Table syntheticTraffic() {
        if (syntheticTraffic == null) {
            syntheticTraffic = Rows.traffic(syntheticStudy());
        }
        return syntheticTraffic;
    }

    private Rows.Study syntheticStudy;

    synchronized Rows.Study syntheticStudy() {
        if (syntheticStudy == null) {
            syntheticStudy = new Rows.Study(syntheticDir);
        }
        return syntheticStudy;
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            engine.close();
            synthetic.close();
            if (trino != null) {
                trino.close();
                syntheticOnTrino.close();
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
            Path dir = null;
            try {
                dir = Files.createTempDirectory("qoegraph-difftest");
                return new GeneratedData(dir);
            } catch (IOException | SQLException | RuntimeException e) {
                deleteQuietly(dir, e);
                throw e instanceof RuntimeException r ? r
                        : e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
            }
        }

        private static void deleteQuietly(Path dir, Exception cause) {
            try {
                if (dir != null) {
                    delete(dir);
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
