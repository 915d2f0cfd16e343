package qoegraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL's tabs (src/main/resources/graphiql/examples.json) are the README cookbook's blocks, title and query, in
 * order: CookbookTest runs every one of them against a real server, so every tab runs too.
 */
class GraphiqlExamplesTest {
    private static final Path EXAMPLES = Path.of("src/main/resources/graphiql/examples.json");
    private static final String REFRESH = "./mvnw -q test -Dtest=GraphiqlExamplesTest -Dqoegraph.examples.write=true";

    @Test
    void theExamplesAreTheCookbookQueries() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String generated = json.writeValueAsString(cookbook(Files.readString(Path.of("README.md")))) + "\n";
        if (Boolean.getBoolean("qoegraph.examples.write")) {
            Files.writeString(EXAMPLES, generated);
        }
        assertTrue(Files.exists(EXAMPLES), EXAMPLES + " is missing; write it with " + REFRESH);
        assertEquals(generated, Files.readString(EXAMPLES),
                EXAMPLES + " is out of date with the README cookbook; refresh it with " + REFRESH);
    }

    @Test
    void theFirstTabIsTheP2pShareByIspAndBrowser() throws Exception {
        Map<String, String> first = cookbook(Files.readString(Path.of("README.md"))).get(0);
        assertTrue(first.get("query").contains("p2pShare"), first::toString);
        assertTrue(first.get("query").contains("browser"), first::toString);
    }

    /** Each {@code ```graphql} block between the cookbook markers, with the {@code ####} heading above it. */
    static List<Map<String, String>> cookbook(String readme) {
        String start = "<!-- cookbook:start -->";
        int from = readme.indexOf(start) + start.length();
        int to = readme.indexOf("<!-- cookbook:end -->");
        assertTrue(from > start.length() - 1 && to > from, "README.md has the cookbook markers in order");
        List<Map<String, String>> examples = new ArrayList<>();
        String title = null;
        StringBuilder block = null;
        for (String line : readme.substring(from, to).split("\n", -1)) {
            if (block != null && line.strip().equals("```")) {
                examples.add(example(title, block.toString()));
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            } else if (line.strip().equals("```graphql")) {
                block = new StringBuilder();
            } else if (line.startsWith("#### ")) {
                title = line.substring(5).strip();
            }
        }
        assertTrue(!examples.isEmpty(), "graphql blocks in the cookbook");
        return examples;
    }

    private static Map<String, String> example(String title, String query) {
        Map<String, String> example = new LinkedHashMap<>();
        example.put("title", title);
        example.put("query", query);
        return example;
    }
}
