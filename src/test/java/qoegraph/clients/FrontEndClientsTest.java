package qoegraph.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.cookbook.CookbookTest;
import qoegraph.testsupport.SampleServer;

/**
 * The clients front-end developers use, from the npm registry, against a real server on the sample data
 * ({@link SampleServer}); each test is one file of {@code src/test/js} under Node's test runner:
 * <ul>
 * <li>{@code readme.test.mjs}: the README's "Apollo Client and urql" section, its files written out by
 *     {@link ReadmeFiles}: its clients and panels functions give the same numbers as the same queries sent plainly.</li>
 * <li>{@code apollo.test.mjs}: Apollo Client 4 with the README's cache policy and persisted-query link (GET for hashed
 *     queries): cache-first, aliases in one query and two watch queries on one root field never show a number of
 *     another query (every number compared with the same query sent with no cache); APQ hash checks and hits; partial
 *     data; 64-bit identifiers exact and filterable.</li>
 * <li>{@code urql.test.mjs}: urql with its default cache, the same comparisons.</li>
 * <li>{@code audit.test.mjs}: graphql-http's server audit, every check passing.</li>
 * <li>{@code codegen.test.mjs}: GraphQL Code Generator's client preset over schema.graphql with the README cookbook's
 *     queries as documents, compiled with {@code tsc --strict}.</li>
 * </ul>
 */
class FrontEndClientsTest {
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        SampleServer sample = SampleServer.get();
        Path cookbook = Files.createTempFile("qoegraph-cookbook", ".json");
        new ObjectMapper().writeValue(cookbook.toFile(), CookbookTest.entries(Files.readString(Path.of("README.md"))));
        Path readme = ReadmeFiles.write(Path.of("target", "frontend-readme").toAbsolutePath(),
                sample.server().getURL().toString());
        env = Map.of("QOEGRAPH_URL", sample.graphqlUrl(),
                "QOEGRAPH_SAMPLE_DIR", sample.sampleDir().toString(),
                "QOEGRAPH_COOKBOOK", cookbook.toString(),
                "QOEGRAPH_SCHEMA", Path.of("schema.graphql").toAbsolutePath().toString(),
                "QOEGRAPH_README_DIR", readme.toString());
        NodeProject.install();
    }

    @Test
    void apolloClient() throws Exception {
        passes("apollo.test.mjs");
    }

    @Test
    void urql() throws Exception {
        passes("urql.test.mjs");
    }

    /** The README's front-end section, run as the cookbook is: its modules against the server, numbers checked. */
    @Test
    void theReadmeFrontEndSectionWorks() throws Exception {
        passes("readme.test.mjs");
    }

    @Test
    void graphqlHttpServerAudit() throws Exception {
        passes("audit.test.mjs");
    }

    @Test
    void codegenClientPresetCompilesUnderStrictTypeScript() throws Exception {
        passes("codegen.test.mjs");
    }

    private static void passes(String file) throws Exception {
        NodeProject.Result result = NodeProject.test(file, env);
        assertEquals(0, result.exitCode(), () -> file + " failed:\n" + result.output());
    }
}
