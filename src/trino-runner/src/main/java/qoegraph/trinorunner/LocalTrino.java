package qoegraph.trinorunner;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.plugin.hive.HivePlugin;
import io.trino.testing.DistributedQueryRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A local Trino of three nodes (a coordinator and two workers, each a real HTTP server, in this JVM) with one
 * catalog, {@code lake}: Trino's Hive connector over a folder, its metastore kept in the same folder. qoegraph's
 * ingest writes Parquet files under that folder and registers them as tables; Trino reads them from there.
 *
 * <p>Usage: {@code LocalTrino <lake folder> [port] [ready file]}. When the coordinator answers, the JDBC URL is
 * printed and written to the ready file (written whole, then renamed); the process runs until it is killed.
 */
public final class LocalTrino {
    public static final String CATALOG = "lake";
    public static final String SCHEMA = "qoegraph";

    private LocalTrino() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LocalTrino <lake folder> [port, 0 for any] [ready file]");
            System.exit(2);
        }
        Path lake = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Files.createDirectories(lake.resolve("_metastore"));
        DistributedQueryRunner runner = start(lake, port);
        String url = "jdbc:trino://127.0.0.1:" + runner.getCoordinator().getBaseUrl().getPort() + "/" + CATALOG + "/"
                + SCHEMA;
        System.out.println("trino ready: " + runner.getNodeCount() + " nodes, lake " + lake + ", " + url);
        if (args.length > 2) {
            Path ready = Path.of(args[2]).toAbsolutePath();
            Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
            Files.writeString(partial, url + "\n", StandardCharsets.UTF_8);
            Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        Thread.currentThread().join();
    }

    static DistributedQueryRunner start(Path lake, int port) throws Exception {
        DistributedQueryRunner runner = DistributedQueryRunner.builder(testSessionBuilder()
                        .setCatalog(CATALOG).setSchema(SCHEMA).build())
                .setWorkerCount(2)
                .addCoordinatorProperty("http-server.http.port", String.valueOf(port))
                .build();
        try {
            runner.installPlugin(new HivePlugin());
            runner.createCatalog(CATALOG, "hive", catalogProperties(lake));
            runner.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + SCHEMA);
            return runner;
        } catch (Exception | Error e) {
            runner.close();
            throw e;
        }
    }

    /** Hive over a local folder: tables' files and the metastore under one root, read as {@code local:///...}. */
    static Map<String, String> catalogProperties(Path lake) throws IOException {
        return Map.of(
                "hive.metastore", "file",
                "hive.metastore.catalog.dir", "local:///_metastore",
                "fs.local.enabled", "true",
                "local.location", lake.toString(),
                // DuckDB writes microseconds; Hive's default reads milliseconds
                "hive.timestamp-precision", "MICROSECONDS",
                // a table's folder gains a file per ingested file: list it on every query, never from a cache
                "hive.file-status-cache-tables", "",
                "hive.non-managed-table-writes-enabled", "true");
    }
}
