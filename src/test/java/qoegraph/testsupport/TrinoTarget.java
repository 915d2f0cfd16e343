package qoegraph.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Trino a test run may use: {@code -Dqoegraph.trino.url=jdbc:trino://host:port} and {@code -Dqoegraph.trino.lake=}
 * the folder its Hive catalog {@code lake} has as {@code local.location} ({@code src/trino-runner/run} starts one;
 * {@code .ci/run} passes both). Server tests that honour {@code -Dqoegraph.test.engine=trino} run on it, each in a
 * schema and lake folder of its own.
 */
public final class TrinoTarget {
    public static final String URL = System.getProperty("qoegraph.trino.url", "");
    public static final String LAKE = System.getProperty("qoegraph.trino.lake", "");

    private TrinoTarget() {
    }

    /** Whether a Trino was given. */
    public static boolean given() {
        return !URL.isEmpty() && !LAKE.isEmpty();
    }

    /** Whether server tests should run on Trino ({@code -Dqoegraph.test.engine=trino}, with a Trino given). */
    public static boolean wanted() {
        return "trino".equals(System.getProperty("qoegraph.test.engine")) && given();
    }

    /** Server properties for the Trino engine in a schema of its own (named after {@code label}). */
    public static Map<String, Object> serverProperties(String label) {
        String schema = label.toLowerCase() + "_" + Long.toHexString(System.nanoTime());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("qoegraph.engine", "trino");
        properties.put("qoegraph.trino.url", URL);
        properties.put("qoegraph.trino.schema", schema);
        properties.put("qoegraph.trino.lake", Path.of(LAKE).resolve(schema).toString());
        properties.put("qoegraph.trino.lake-uri", "local:///" + schema);
        return properties;
    }

    /** {@code properties} plus the Trino engine's when server tests run on Trino. */
    public static Map<String, Object> withEngine(String label, Map<String, Object> properties) {
        if (!wanted()) {
            return properties;
        }
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.putAll(serverProperties(label));
        return all;
    }
}
