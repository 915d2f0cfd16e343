package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The walk query -> plan -> sql only points down: each package imports only the ones before it (style.md 6). */
class PackageArrowsTest {
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "model", List.of("java.", "org.yaml.snakeyaml."),
            "query", List.of("java.", "qoegraph.model."),
            "plan", List.of("java.", "qoegraph.model.", "qoegraph.query."),
            "sql", List.of("java.", "qoegraph.model.", "qoegraph.query.", "qoegraph.plan."));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bqoegraph\\.(\\w+)\\.");

    @Test
    void eachPackageImportsOnlyThePackagesBeforeIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/qoegraph", e.getKey()))) {
                for (Path file : files.toList()) {
                    check(e.getKey(), file, Files.readString(file), e.getValue(), wrong);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(String pkg, Path file, String source, List<String> allowed, List<String> wrong) {
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String target = imports.group(1);
            if (allowed.stream().noneMatch(target::startsWith) && !target.startsWith("qoegraph." + pkg + ".")) {
                wrong.add(file.getFileName() + " imports " + target);
            }
        }
        Matcher qualified = QUALIFIED.matcher(source.replaceAll("(?m)^(package|import) .*$", ""));
        while (qualified.find()) {
            String target = "qoegraph." + qualified.group(1) + ".";
            if (!target.equals("qoegraph." + pkg + ".") && allowed.stream().noneMatch(target::startsWith)) {
                wrong.add(file.getFileName() + " names " + target);
            }
        }
    }
}
