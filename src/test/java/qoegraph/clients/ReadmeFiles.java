package qoegraph.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the README's front-end section: every fenced block between {@code <!-- frontend:start -->} and
 * {@code <!-- frontend:end -->} whose first line names a file ({@code // qoegraph-apollo.js}, {@code # codegen.yml}),
 * written as it is, except that {@code http://localhost:8080} becomes the test server's address.
 */
final class ReadmeFiles {
    private static final String START = "<!-- frontend:start -->";
    private static final String END = "<!-- frontend:end -->";
    private static final Pattern FILE = Pattern.compile("^(?://|#)\\s*([\\w.-]+\\.(?:js|mjs|ts|yml))\\b");

    private ReadmeFiles() {
    }

    /** File name -> text, in the README's order. */
    static Map<String, String> of(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the front-end markers in order");
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder block = null;
        for (String line : readme.substring(start + START.length(), end).split("\n", -1)) {
            if (block == null && line.startsWith("```") && line.length() > 3) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                Matcher file = FILE.matcher(block);
                if (file.find()) {
                    files.put(file.group(1), block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return files;
    }

    /** Writes them into {@code dir}, beside a link to the Node project's node_modules, for {@code baseUrl}. */
    static Path write(Path dir, String baseUrl) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : of(Files.readString(Path.of("README.md"))).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue().replace("http://localhost:8080", baseUrl));
        }
        Path modules = dir.resolve("node_modules");
        if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(modules, NodeProject.DIR.resolve("node_modules"));
        }
        return dir;
    }
}
