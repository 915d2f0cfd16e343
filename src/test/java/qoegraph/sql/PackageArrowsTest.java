package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package under {@code src/main/java/qoegraph} and the other qoegraph packages each may import: the table of
 * docs/architecture.md ("Packages and arrows"), kept here as {@link #MAY_IMPORT}. A package without a row fails, so a
 * new one cannot slip in unnoticed; so does a row for a package that is gone, an arrow the row does not allow, or a
 * known exception that no longer holds (then its row goes).
 */
class PackageArrowsTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    /** The base package's own row (its one class, {@code Application}). */
    private static final String ROOT = "qoegraph";

    /** Package (below {@code qoegraph.}; {@code qoegraph} for the base package) -> the qoegraph packages it may import. */
    private static final Map<String, Set<String>> MAY_IMPORT = rows(
            // the walk from request to rows, each step importing only the steps before it
            row("model"),
            row("query", "model"),
            row("plan", "model", "query"),
            row("sql", "model", "query", "plan"),
            // the engines behind the sql.SqlDialect seam
            row("engine", "sql"),
            row("engine.duckdb", "engine", "sql", "query"),
            row("engine.trino", "engine", "sql", "query", "model", "ingest"),
            // files in, and what is built from them
            row("ingest", "model", "sql"),
            row("catalog", "sql"),
            row("report", "model", "sql"),
            row("rollup", "model", "query", "plan", "sql", "ingest"),
            row("cache", "sql"),
            row("admin", "ingest", "rollup", "cache", "sql"),
            row("security"),
            row("generate", "generate.study"),
            row("generate.study"),
            // the API over all of it, and the edges
            row("graphql.schema", "model", "query"),
            row("graphql.errors", "model", "query", "sql"),
            row("graphql.fetch", "model", "query", "plan", "sql", "ingest", "catalog", "report", "rollup", "cache",
                    "admin", "security", "graphql.schema", "graphql.errors"),
            row("graphql.limits", "sql", "graphql.errors", "graphql.fetch"),
            row("graphql", "model", "query", "sql", "engine", "catalog", "report", "rollup", "cache", "admin",
                    "graphql.schema", "graphql.fetch", "graphql.limits", "graphql.errors"),
            row("http", "query", "cache", "security", "graphql.fetch"),
            row("wiring", "model", "sql", "engine", "engine.duckdb", "engine.trino", "ingest", "catalog", "report",
                    "rollup", "cache", "admin", "security", "generate", "graphql", "graphql.limits"),
            row("bench", "model", "query", "plan", "sql", "engine", "engine.duckdb", "ingest", "rollup", "generate"),
            row("cli", "bench", "generate", "generate.study", "ingest"),
            row(ROOT, "cli"));

    /** Arrows the code has against the layering, each with the reason it stays for now: none today. */
    private static final Map<String, Set<String>> KNOWN_EXCEPTIONS = rows();

    /** The walk stays plain Java (testable without a server or a database): the libraries it may use. */
    private static final Map<String, List<String>> LIBRARIES = Map.of(
            "model", List.of("java.", "org.yaml.snakeyaml."),
            "query", List.of("java."),
            "plan", List.of("java."),
            "sql", List.of("java."));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+(?:\\.\\*)?);", Pattern.MULTILINE);
    /** A qualified name in code: {@code qoegraph.engine.duckdb.DuckDb}; the package is what comes before the class. */
    private static final Pattern QUALIFIED = Pattern.compile("\\bqoegraph((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void everyPackageHasARowAndEveryRowAPackage() throws IOException {
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), new TreeSet<>(packagesOnDisk().keySet()),
                "the packages under src/main/java/qoegraph against the rows of MAY_IMPORT (and docs/architecture.md)");
    }

    @Test
    void eachPackageImportsOnlyWhatItsRowAllows() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Path>> pkg : packagesOnDisk().entrySet()) {
            Set<String> allowed = new TreeSet<>(MAY_IMPORT.getOrDefault(pkg.getKey(), Set.of()));
            allowed.addAll(KNOWN_EXCEPTIONS.getOrDefault(pkg.getKey(), Set.of()));
            for (Path file : pkg.getValue()) {
                for (String target : qoegraphPackagesNamed(Files.readString(file))) {
                    if (!target.equals(pkg.getKey()) && !allowed.contains(target)) {
                        wrong.add(pkg.getKey() + "/" + file.getFileName() + " -> " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "arrows no row allows: add them to MAY_IMPORT and docs/architecture.md only"
                + " if they follow the layering there");
    }

    @Test
    void eachKnownExceptionStillHolds() throws IOException {
        Map<String, List<Path>> packages = packagesOnDisk();
        List<String> gone = new ArrayList<>();
        KNOWN_EXCEPTIONS.forEach((pkg, targets) -> targets.forEach(target -> {
            boolean used = packages.getOrDefault(pkg, List.of()).stream()
                    .anyMatch(file -> qoegraphPackagesNamed(read(file)).contains(target));
            if (!used) {
                gone.add(pkg + " -> " + target);
            }
        }));
        assertEquals(List.of(), gone, "exceptions the code no longer needs: remove them here and in docs/architecture.md");
    }

    @Test
    void theArrowsPointOneWay() {
        Map<String, Set<String>> all = new TreeMap<>();
        MAY_IMPORT.forEach((pkg, targets) -> all.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(targets));
        KNOWN_EXCEPTIONS.forEach((pkg, targets) -> all.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(targets));
        List<String> cycles = new ArrayList<>();
        for (String start : all.keySet()) {
            if (reaches(all, start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages on a cycle of allowed arrows");
    }

    @Test
    void theWalkUsesOnlyItsLibraries() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> pkg : LIBRARIES.entrySet()) {
            for (Path file : packagesOnDisk().get(pkg.getKey())) {
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String target = imports.group(1);
                    if (!target.startsWith(ROOT + ".") && pkg.getValue().stream().noneMatch(target::startsWith)) {
                        wrong.add(pkg.getKey() + "/" + file.getFileName() + " imports " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void docsArchitectureStatesTheSameTable() throws IOException {
        String doc = Files.readString(ARCHITECTURE);
        assertEquals(new TreeMap<>(MAY_IMPORT), docTable(section(doc, "## Packages and arrows", "### Known exceptions")),
                "docs/architecture.md, \"Packages and arrows\": one row per package, `package` | what it owns | the"
                        + " packages it may import");
        assertEquals(new TreeMap<>(KNOWN_EXCEPTIONS), docTable(section(doc, "### Known exceptions", "\n## ")),
                "docs/architecture.md, \"Known exceptions\"");
    }

    /** Every package with Java files under src/main/java/qoegraph, with its files (not those of its subpackages). */
    private static Map<String, List<Path>> packagesOnDisk() throws IOException {
        Map<String, List<Path>> packages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                String key = name.equals(ROOT) ? ROOT : name.substring(ROOT.length() + 1);
                packages.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
            }
        }
        return packages;
    }

    /** The qoegraph packages a source file imports or names in code (comments and strings left out), as row keys. */
    static Set<String> qoegraphPackagesNamed(String source) {
        Set<String> named = new TreeSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String target = imports.group(1);
            if (target.startsWith(ROOT + ".")) {
                named.add(packageOf(target));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code(source.replaceAll("(?m)^(package|import) .*$", "")));
        while (qualified.find()) {
            String pkg = qualified.group(1);
            named.add(pkg.isEmpty() ? ROOT : pkg.substring(1));
        }
        return named;
    }

    /** {@code qoegraph.engine.duckdb.DuckDb}, {@code qoegraph.model.*} -> {@code engine.duckdb}, {@code model}. */
    private static String packageOf(String imported) {
        List<String> parts = new ArrayList<>();
        for (String part : imported.substring(ROOT.length() + 1).split("\\.")) {
            if (part.equals("*") || Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? ROOT : String.join(".", parts);
    }

    /** The source with comments, string literals, text blocks and char literals blanked out. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = skipped(source, i);
            if (end == i) {
                out.append(source.charAt(i++));
            } else {
                out.append(' ');
                i = end;
            }
        }
        return out.toString();
    }

    /** Where the comment or literal starting at {@code i} ends; {@code i} when none starts there. */
    private static int skipped(String s, int i) {
        if (s.startsWith("//", i)) {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? s.length() : eol;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            int close = s.indexOf("\"\"\"", i + 3);
            return close < 0 ? s.length() : close + 3;
        }
        char c = s.charAt(i);
        if (c != '"' && c != '\'') {
            return i;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, s.length());
    }

    private static boolean reaches(Map<String, Set<String>> arrows, String from, String target, Set<String> seen) {
        for (String next : arrows.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(arrows, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static String section(String doc, String start, String end) {
        int from = doc.indexOf(start);
        assertTrue(from >= 0, "docs/architecture.md has no section " + start);
        int to = doc.indexOf(end, from + start.length());
        return doc.substring(from, to < 0 ? doc.length() : to);
    }

    /** Table rows {@code | `package` | ... | `a`, `b` |} (or {@code none} in the last cell) as package -> targets. */
    private static Map<String, Set<String>> docTable(String section) {
        Map<String, Set<String>> rows = new TreeMap<>();
        Pattern backticked = Pattern.compile("`([\\w.]+)`");
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            Matcher first = backticked.matcher(cells[1]);
            first.find();
            Set<String> targets = new TreeSet<>();
            Matcher last = backticked.matcher(cells[cells.length - 1]);
            while (last.find()) {
                targets.add(last.group(1));
            }
            rows.put(first.group(1), targets);
        }
        return rows;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map.Entry<String, Set<String>> row(String pkg, String... mayImport) {
        return Map.entry(pkg, Set.of(mayImport));
    }

    @SafeVarargs
    private static Map<String, Set<String>> rows(Map.Entry<String, Set<String>>... rows) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> row : rows) {
            table.put(row.getKey(), new TreeSet<>(row.getValue()));
        }
        return table;
    }
}
