package qoegraph.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.ingest.Ingester;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;

/**
 * A restart ({@code refreshChanged} on a new {@link Rollups}) keeps each rollup built from the same file over
 * the same ingested data, and rebuilds one whose file changed or whose data grew.
 */
class RollupReuseTest {
    private static final DuckDbDialect DUCKDB = new DuckDbDialect();
    static final Path MODEL = Path.of("queries/model");

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsCurrentRollupsAndRebuildsChangedOnes() throws Exception {
        Path rollupDir = dir.resolve("rollups");
        Files.createDirectories(rollupDir);
        try (Stream<Path> files = Files.list(Path.of("queries/rollups"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rollupDir.resolve(f.getFileName()));
            }
        }
        Model model = ModelLoader.load(MODEL);
        try (DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("db"));
             Connection c = root.duplicate()) {
            Ingester ingester = new Ingester(root, SourceTables.load(MODEL.resolve("sources.yml")), line -> { });
            ingester.ensureSchema();
            ingester.ingest(sessions("a.csv", 5));
            Map<String, RollupStatus> first = byName(new Rollups(RollupLoader.load(rollupDir, model, c, DUCKDB), model, DUCKDB, l -> { })
                    .refreshChanged(c));

            Map<String, RollupStatus> restart = byName(new Rollups(RollupLoader.load(rollupDir, model, c, DUCKDB), model, DUCKDB,
                    l -> { }).refreshChanged(c));
            for (String name : first.keySet()) {
                assertEquals(first.get(name).builtAt(), restart.get(name).builtAt(), name + " was rebuilt");
                assertEquals(first.get(name).rows(), restart.get(name).rows());
            }

            Files.writeString(rollupDir.resolve("dns_hourly.sql"), "\n-- edited\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Map<String, RollupStatus> edited = byName(new Rollups(RollupLoader.load(rollupDir, model, c, DUCKDB), model, DUCKDB,
                    l -> { }).refreshChanged(c));
            assertNotEquals(first.get("dnsHourly").builtAt(), edited.get("dnsHourly").builtAt());
            assertEquals(first.get("sessionsByStream").builtAt(), edited.get("sessionsByStream").builtAt());

            ingester.ingest(sessions("b.csv", 7));
            Map<String, RollupStatus> grown = byName(new Rollups(RollupLoader.load(rollupDir, model, c, DUCKDB), model, DUCKDB,
                    l -> { }).refreshChanged(c));
            assertNotEquals(first.get("sessionsByStream").builtAt(), grown.get("sessionsByStream").builtAt());
            // One stream in each file, one ISP, browser and connected value: one rollup row per file.
            assertEquals(first.get("sessionsByStream").rows() + 1, grown.get("sessionsByStream").rows());
        }
    }

    private Path sessions(String name, int stream) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#stream,isp,browser,connected,p2p,cdn\n" + stream + ",Fro,Iron,true,1.5,2\n"
                + stream + ",Fro,Iron,true,2.5,3\n");
        return file;
    }

    private static Map<String, RollupStatus> byName(List<RollupStatus> statuses) {
        return statuses.stream().collect(Collectors.toMap(RollupStatus::name, Function.identity()));
    }
}
