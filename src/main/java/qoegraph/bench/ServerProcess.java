package qoegraph.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A qoegraph server in a child JVM ({@code java -cp <this jar> qoegraph.Application}), on a free port, its output
 * in a log file: what an operator starts, so its start-up time and memory are the real ones.
 */
final class ServerProcess implements AutoCloseable {
    static final String PROBE = "{ sessions { count } }";

    private final Process process;
    private final GraphQLClient client;
    private final long startedNanos;

    private ServerProcess(Process process, GraphQLClient client, long startedNanos) {
        this.process = process;
        this.client = client;
        this.startedNanos = startedNanos;
    }

    /** @param properties qoegraph and Micronaut settings, passed as {@code -Dkey=value} */
    static ServerProcess start(Map<String, String> properties, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dmicronaut.server.port=" + port);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "qoegraph.Application"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(process, new GraphQLClient("http://localhost:" + port), started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    GraphQLClient client() {
        return client;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls with {@link #PROBE} until the first clean answer: the time from the process start to it.
     *
     * @throws IllegalStateException when the process dies or {@code max} passes first
     */
    Duration awaitFirstAnswer(Duration max) throws InterruptedException {
        long deadline = startedNanos + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue());
            }
            if (client.post(PROBE, Map.of()).clean()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no answer within " + max);
    }

    /** Resident memory of the process in bytes (Linux /proc), or -1 when unknown. */
    long residentBytes() {
        return Rss.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
