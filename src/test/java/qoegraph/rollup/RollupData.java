package qoegraph.rollup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import qoegraph.testsupport.Walk;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.generate.SessionsGenerator;
import qoegraph.generate.study.StudyGenerator;
import qoegraph.ingest.Ingester;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;
import qoegraph.plan.Plan;
import qoegraph.plan.BuiltRollups;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.sql.ConnectionSource;
import qoegraph.sql.SqlDialect;
import qoegraph.engine.trino.Trino;
import qoegraph.testsupport.TrinoTarget;
import java.util.Map;

/**
 * A generated sessions file and a small study, ingested, with the repository's rollups built: on DuckDB, or on
 * Trino with {@code -Dqoegraph.test.engine=trino} ({@link TrinoTarget}: the rows written to the lake, the rollups
 * built in Trino).
 */
final class RollupData implements AutoCloseable {
    private static final DuckDbDialect DUCKDB = new DuckDbDialect();
    static final Path MODEL_DIR = Path.of("queries/model");
    static final Path ROLLUP_DIR = Path.of("queries/rollups");
    static final double STUDY_SCALE = 0.03;

    final Path dir;
    final Model model = ModelLoader.load(MODEL_DIR);
    final DuckDBConnection root;
    final Rollups rollups;
    private final SqlDialect dialect;
    private final ConnectionSource engine;
    private final Trino trino;

    RollupData() throws Exception {
        dir = Files.createTempDirectory("qoegraph-rollups");
        SessionsGenerator.write(dir.resolve("sessions.csv"), SessionsGenerator.DEFAULT_SEED, 1);
        StudyGenerator.write(dir.resolve("study"), StudyGenerator.DEFAULT_SEED, STUDY_SCALE, false);
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("rollups.duckdb"));
        Ingester ingester = new Ingester(root, SourceTables.load(MODEL_DIR.resolve("sources.yml")), line -> { });
        ingester.ensureSchema();
        trino = TrinoTarget.wanted() ? trino() : null;
        if (trino != null) {
            ingester.afterEachIngest(trino.lakeSync(SourceTables.load(MODEL_DIR.resolve("sources.yml")).all()));
        }
        ingester.ingest(dir.resolve("sessions.csv"));
        ingester.ingest(dir.resolve("study"));
        dialect = trino == null ? DUCKDB : trino.dialect();
        engine = trino == null ? root::duplicate : trino.connections();
        try (Connection c = engine.open(); Connection store = root.duplicate()) {
            rollups = new Rollups(RollupLoader.load(ROLLUP_DIR, model, c, dialect), model, dialect, line -> { });
            rollups.refresh(c, store);
        }
    }

    private static Trino trino() {
        Map<String, Object> p = TrinoTarget.serverProperties("rollups");
        return new Trino(new Trino.Settings(TrinoTarget.URL, "rollup-test", "lake", (String) p.get("qoegraph.trino.schema"),
                Path.of((String) p.get("qoegraph.trino.lake")), (String) p.get("qoegraph.trino.lake-uri")), 1);
    }

    /** Validates, plans (with the rollups, or none), compiles and runs. */
    Answer run(Query query, BuiltRollups rollups) throws Exception {
        Walk walk = new Walk(model, dialect, rollups, Duration.ofSeconds(120));
        Plan plan = walk.plan(query);
        try (Connection c = engine.open()) {
            return new Answer(plan, walk.run(c, plan));
        }
    }

    record Answer(Plan plan, QueryResult result) {
    }

    @Override
    public void close() throws Exception {
        if (trino != null) {
            trino.close();
        }
        root.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
