package qoegraph.rollup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;
import qoegraph.model.Model;
import qoegraph.model.Problems;
import qoegraph.plan.RollupDeclaration;
import qoegraph.plan.RollupView;
import qoegraph.query.Granularity;

/**
 * Reads {@code queries/rollups/*.sql}. A file starts with comment lines; those of the form
 * {@code -- key: value} (one space after the dashes) with key {@code rollup}, {@code dataset}, {@code dimensions} or {@code metrics}
 * declare the rollup, the rest is prose. The first line that is not a comment starts the SELECT that builds
 * the table. The loader checks the header against the model (dimensions and metrics exist, granularity
 * only on time dimensions, every metric rebuildable from partial aggregates) and the SELECT's output
 * columns (DESCRIBE) against the columns the declaration needs ({@link RollupView}): exactly those, time
 * columns TIMESTAMP, metric columns numeric. Every problem is reported with file and line.
 */
public final class RollupLoader {
    static final String TABLE_PREFIX = "_rollup_";
    private static final Set<String> KEYS = Set.of("rollup", "dataset", "dimensions", "metrics");

    private RollupLoader() {
    }

    /**
     * @param connection a connection to a database with the base tables (to describe each SELECT); null skips that check
     * @param dialect    the engine's, which describes the SELECT and names its column types
     */
    public static List<RollupDefinition> load(Path dir, Model model, Connection connection, SqlDialect dialect) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Problems problems = new Problems();
        List<RollupDefinition> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            RollupDefinition def = loadFile(file, model, connection, dialect, problems);
            if (def != null) {
                if (!names.add(def.rollup().name())) {
                    problems.atLine(file, 1, "rollup name '" + def.rollup().name() + "' is used by another file");
                } else {
                    out.add(def);
                }
            }
        }
        problems.throwIfAny(RollupException::new);
        return out;
    }

    static RollupDefinition loadFile(Path file, Model model, Connection connection, SqlDialect dialect,
                                     Problems problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return null;
        }
        Header header = Header.read(file, lines, problems);
        int before = problems.size(); // a key declared twice is reported, and the file still checked
        if (!header.complete(file, lines.size(), problems)) {
            return null;
        }
        RollupDeclaration rollup = declaration(file, header, model, problems);
        if (rollup == null || problems.size() > before) {
            return null;
        }
        RollupDefinition def = new RollupDefinition(rollup, header.select(lines), file, header.body() + 1);
        if (connection != null) {
            checkColumns(def, model.dataset(rollup.dataset()).orElseThrow(), connection, dialect, problems);
        }
        return problems.size() > before ? null : def;
    }

    /**
     * The {@code -- key: value} lines before the SELECT, with the line each was on.
     *
     * @param body the index of the SELECT's first line; -1 when the file has none
     */
    private record Header(Map<String, String> values, Map<String, Integer> lines, int body) {

        static Header read(Path file, List<String> lines, Problems problems) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.startsWith("--")) {
                    return new Header(values, at, i);
                }
                String raw = line.substring(2);
                if (!raw.startsWith(" ") || raw.startsWith("  ")) {
                    continue; // prose: a header line is exactly "-- key: value"
                }
                String text = raw.strip();
                int colon = text.indexOf(':');
                String key = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (colon > 0 && KEYS.contains(key)) {
                    if (values.put(key, text.substring(colon + 1).strip()) != null) {
                        problems.atLine(file, i + 1, "'" + key + "' declared twice");
                    }
                    at.put(key, i + 1);
                }
            }
            return new Header(values, at, -1);
        }

        /** Every key given and a SELECT after them; otherwise each gap is a problem. */
        boolean complete(Path file, int lineCount, Problems problems) {
            boolean complete = true;
            for (String key : List.of("rollup", "dataset", "dimensions", "metrics")) {
                if (!values.containsKey(key) || values.get(key).isEmpty()) {
                    problems.atLine(file, 1, "header line '-- " + key + ": ...' is missing");
                    complete = false;
                }
            }
            if (body < 0) {
                problems.atLine(file, lineCount + 1, "no SELECT after the header");
                complete = false;
            }
            return complete;
        }

        String get(String key) {
            return values.get(key);
        }

        int line(String key) {
            return lines.get(key);
        }

        /** The statement after the header, without a final semicolon. */
        String select(List<String> fileLines) {
            String sql = String.join("\n", fileLines.subList(body, fileLines.size())).strip();
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        }
    }

    /** The rollup the header declares, checked against the model; null after the first problem of name or dataset. */
    private static RollupDeclaration declaration(Path file, Header header, Model model, Problems problems) {
        String name = header.get("rollup");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            problems.atLine(file, header.line("rollup"), "rollup name '" + name + "' must be letters, digits and _");
            return null;
        }
        Dataset dataset = model.dataset(header.get("dataset")).orElse(null);
        if (dataset == null) {
            problems.atLine(file, header.line("dataset"), "unknown dataset '" + header.get("dataset") + "' (known: "
                    + String.join(", ", model.datasets().keySet()) + ")");
            return null;
        }
        Map<String, Granularity> dims = dimensions(file, header.line("dimensions"), header.get("dimensions"), dataset,
                problems);
        Set<String> metrics = metrics(file, header.line("metrics"), header.get("metrics"), dataset, problems);
        return new RollupDeclaration(name, dataset.name(), TABLE_PREFIX + name, dims, metrics);
    }

    private static Map<String, Granularity> dimensions(Path file, int line, String value, Dataset dataset,
                                                       Problems problems) {
        Map<String, Granularity> dims = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            String[] parts = item.strip().split(":", 2);
            String name = parts[0].strip();
            Dimension d = dataset.dimension(name).orElse(null);
            if (d == null) {
                problems.atLine(file, line, "unknown dimension '" + name + "' of " + dataset.name());
                continue;
            }
            Granularity g = null;
            if (parts.length == 2) {
                String gName = parts[1].strip().toUpperCase(Locale.ROOT);
                try {
                    g = Granularity.valueOf(gName);
                } catch (IllegalArgumentException e) {
                    problems.atLine(file, line, "unknown granularity '" + parts[1].strip() + "' of " + name
                            + " (minute hour day week month quarter year)");
                    continue;
                }
                if (!d.isTime()) {
                    problems.atLine(file, line, name + " is not a time dimension: no granularity");
                    continue;
                }
            }
            dims.put(name, g);
        }
        return dims;
    }

    private static Set<String> metrics(Path file, int line, String value, Dataset dataset, Problems problems) {
        List<String> listed = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.strip();
            Metric m = dataset.metric(name).orElse(null);
            if (m == null) {
                problems.atLine(file, line, "unknown metric '" + name + "' of " + dataset.name());
            } else if (!dataset.reaggregatable(m)) {
                problems.atLine(file, line, "metric '" + name + "' (" + m.aggregation().yamlName()
                        + ") cannot be rebuilt from partial aggregates; leave it to the base table");
            } else {
                listed.add(name);
            }
        }
        return RollupView.closure(dataset, listed);
    }

    /** What a column of a rollup's SELECT holds, which decides the types it may have. */
    enum ColumnKind {
        /** A time dimension, truncated to its granularity: TIMESTAMP. */
        TIME,
        /** Any other dimension: any type. */
        DIMENSION,
        /** A metric's partial aggregate (count, sum, min, max): numeric, or a time for min and max. */
        METRIC_COMPONENT
    }

    /** The columns the SELECT must return, in order, each with what it holds. */
    static Map<String, ColumnKind> expectedColumns(RollupDeclaration rollup, Dataset dataset) {
        Map<String, ColumnKind> columns = new LinkedHashMap<>();
        rollup.dimensions().keySet().forEach(d -> columns.put(d,
                dataset.dimension(d).orElseThrow().isTime() ? ColumnKind.TIME : ColumnKind.DIMENSION));
        rollup.metrics().forEach(m -> RollupView.componentColumns(dataset.metric(m).orElseThrow())
                .stream().sorted().forEach(c -> columns.put(c, ColumnKind.METRIC_COMPONENT)));
        return columns;
    }

    private static void checkColumns(RollupDefinition def, Dataset dataset, Connection connection, SqlDialect dialect,
                                     Problems problems) {
        Map<String, String> actual = new LinkedHashMap<>();
        try {
            // names compare as SQL identifiers do, without case: Trino's Hive tables keep them lower case
            dialect.describe(connection, def.sql()).forEach(c -> actual.put(c.name().toLowerCase(Locale.ROOT), c.type()));
        } catch (SQLException e) {
            problem(def, problems, "the SELECT does not run: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        Map<String, ColumnKind> expected = expectedColumns(def.rollup(), dataset);
        for (Map.Entry<String, ColumnKind> e : expected.entrySet()) {
            String column = e.getKey();
            String type = actual.get(column.toLowerCase(Locale.ROOT));
            if (type == null) {
                problem(def, problems, "the SELECT has no column '" + column + "' (" + what(e.getValue(), column) + ")");
            } else if (e.getValue() == ColumnKind.TIME && dialect.typeOf(type) != SqlType.TIMESTAMP) {
                problem(def, problems, "column '" + column + "' is " + type + ", a time dimension must be TIMESTAMP");
            } else if (e.getValue() == ColumnKind.METRIC_COMPONENT && !numeric(dialect.typeOf(type))) {
                problem(def, problems, "column '" + column + "' is " + type + ", a metric column must be numeric");
            }
        }
        Set<String> declared = new HashSet<>();
        expected.keySet().forEach(k -> declared.add(k.toLowerCase(Locale.ROOT)));
        for (String column : actual.keySet()) {
            if (!declared.contains(column)) {
                problem(def, problems, "the SELECT returns column '" + column + "' that the header does not declare"
                        + " (expected: " + String.join(", ", expected.keySet()) + ")");
            }
        }
    }

    /** A problem of the SELECT, at its first line. */
    private static void problem(RollupDefinition def, Problems problems, String message) {
        problems.atLine(def.file(), def.sqlLine(), message);
    }

    private static String what(ColumnKind kind, String column) {
        if (kind != ColumnKind.METRIC_COMPONENT) {
            return "a declared dimension";
        }
        if (column.endsWith(RollupView.SUM_SUFFIX)) {
            return "the sum of a mean's non-null values";
        }
        if (column.endsWith(RollupView.COUNT_SUFFIX)) {
            return "the count of a mean's non-null values";
        }
        return "the metric's count, sum, min or max over the group";
    }

    /** A metric column: a number, or a time (min and max of a time metric). */
    private static boolean numeric(SqlType type) {
        return type.isNumber() || type == SqlType.TIMESTAMP || type == SqlType.DATE;
    }
}
