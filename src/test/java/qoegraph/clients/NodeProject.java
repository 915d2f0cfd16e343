package qoegraph.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node project of the client tests ({@code src/test/js}): its packages come from the npm registry at the versions
 * of its committed package-lock.json ({@code npm ci}, once, when node_modules is missing or older than the lock), and
 * its test files run under Node's own test runner. Node.js 20 or later and npm must be on the PATH.
 */
final class NodeProject {
    static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();
    private static boolean installed;

    private NodeProject() {
    }

    /** {@code npm ci} unless node_modules already holds what package-lock.json names. */
    static synchronized void install() throws Exception {
        if (installed) {
            return;
        }
        Path lock = DIR.resolve("package-lock.json");
        Path installedLock = DIR.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installedLock) || Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) < 0) {
            Result npm = run(DIR, Map.of(), 600, "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, npm.exitCode(), () -> "npm ci in " + DIR + " failed:\n" + npm.output());
        }
        installed = true;
    }

    /** Runs {@code node --test} on one test file of the project; the output is printed and returned. */
    static Result test(String file, Map<String, String> env) throws Exception {
        install();
        Result result = run(DIR, env, 600, "node", "--test", "--test-reporter=spec", file);
        System.out.println("---- node --test " + file + "\n" + result.output());
        return result;
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("qoegraph-node", ".log");
        builder.redirectOutput(log.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("'" + command[0] + "' did not start (" + e.getMessage() + "): the front-end client tests need"
                    + " Node.js 20 or later and npm on the PATH (Debian: apt-get install nodejs npm)");
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(killed after " + timeoutSeconds + " s)");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), output);
    }
}
