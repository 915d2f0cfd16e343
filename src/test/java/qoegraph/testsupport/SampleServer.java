package qoegraph.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real server on a first start, shared by the tests that need the sample data (the cookbook, the front-end
 * clients): the sample generated into a temporary folder (the sessions file as published, the study logs at scale
 * 0.01) and ingested, with the default configuration otherwise (caches and persisted queries on; the Trino engine
 * when {@link TrinoTarget#wanted()}). Started once per
 * test JVM, on a free port, closed when the JVM exits.
 */
public final class SampleServer {
    private static SampleServer instance;

    private final EmbeddedServer server;
    private final Path sampleDir;

    private SampleServer(Path dir) {
        sampleDir = dir.resolve("sample");
        // on Trino with -Dqoegraph.test.engine=trino (TrinoTarget): .ci/run runs the cookbook on both engines
        server = ApplicationContext.run(EmbeddedServer.class, TrinoTarget.withEngine("sample", Map.of(
                "micronaut.server.port", -1,
                "qoegraph.database", dir.resolve("db.duckdb").toString(),
                "qoegraph.sample-dir", sampleDir.toString(),
                "qoegraph.sample-scale", 0.01)));
    }

    public static synchronized SampleServer get() {
        if (instance == null) {
            try {
                instance = new SampleServer(Files.createTempDirectory("qoegraph-sample-server"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
        }
        return instance;
    }

    public EmbeddedServer server() {
        return server;
    }

    /** http://localhost:port/graphql */
    public String graphqlUrl() {
        return server.getURL() + "/graphql";
    }

    /** The generated sample files: sessions.csv and ucn/*.csv.gz. */
    public Path sampleDir() {
        return sampleDir;
    }
}
