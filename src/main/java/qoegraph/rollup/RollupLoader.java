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
import qoegraph.plan.Rollup;
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
        List<String> problems = new ArrayList<>();
        List<RollupDefinition> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            RollupDefinition def = loadFile(file, model, connection, dialect, problems);
            if (def != null) {
                if (!names.add(def.rollup().name())) {
                    problems.add(file + ":1: rollup name '" + def.rollup().name() + "' is used by another file");
                } else {
                    out.add(def);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RollupException(problems);
        }
        return out;
    }

    static RollupDefinition loadFile(Path file, Model model, Connection connection, SqlDialect dialect,
                                     List<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return null;
        }
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        int body = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                body = i;
                break;
            }
            String raw = line.substring(2);
            if (!raw.startsWith(" ") || raw.startsWith("  ")) {
                continue; // prose: a header line is exactly "-- key: value"
            }
            String text = raw.strip();
            int colon = text.indexOf(':');
            String key = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (colon > 0 && KEYS.contains(key)) {
                if (header.put(key, text.substring(colon + 1).strip()) != null) {
                    problems.add(file + ":" + (i + 1) + ": '" + key + "' declared twice");
                }
                at.put(key, i + 1);
            }
        }
        int before = problems.size();
        for (String key : List.of("rollup", "dataset", "dimensions", "metrics")) {
            if (!header.containsKey(key) || header.get(key).isEmpty()) {
                problems.add(file + ":1: header line '-- " + key + ": ...' is missing");
            }
        }
        if (body < 0) {
            problems.add(file + ":" + (lines.size() + 1) + ": no SELECT after the header");
        }
        if (problems.size() > before) {
            return null;
        }
        String name = header.get("rollup");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            problems.add(file + ":" + at.get("rollup") + ": rollup name '" + name + "' must be letters, digits and _");
            return null;
        }
        Dataset dataset = model.dataset(header.get("dataset")).orElse(null);
        if (dataset == null) {
            problems.add(file + ":" + at.get("dataset") + ": unknown dataset '" + header.get("dataset") + "' (known: "
                    + String.join(", ", model.datasets().keySet()) + ")");
            return null;
        }
        Map<String, Granularity> dims = dimensions(file, at.get("dimensions"), header.get("dimensions"), dataset, problems);
        Set<String> metrics = metrics(file, at.get("metrics"), header.get("metrics"), dataset, problems);
        if (problems.size() > before) {
            return null;
        }
        String sql = String.join("\n", lines.subList(body, lines.size())).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        Rollup rollup = new Rollup(name, dataset.name(), TABLE_PREFIX + name, dims, metrics);
        RollupDefinition def = new RollupDefinition(rollup, sql, file, body + 1);
        if (connection != null) {
            checkColumns(def, dataset, connection, dialect, problems);
        }
        return problems.size() > before ? null : def;
    }

    private static Map<String, Granularity> dimensions(Path file, int line, String value, Dataset dataset,
                                                       List<String> problems) {
        Map<String, Granularity> dims = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            String[] parts = item.strip().split(":", 2);
            String name = parts[0].strip();
            Dimension d = dataset.dimension(name).orElse(null);
            if (d == null) {
                problems.add(file + ":" + line + ": unknown dimension '" + name + "' of " + dataset.name());
                continue;
            }
            Granularity g = null;
            if (parts.length == 2) {
                String gName = parts[1].strip().toUpperCase(Locale.ROOT);
                try {
                    g = Granularity.valueOf(gName);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + line + ": unknown granularity '" + parts[1].strip() + "' of " + name
                            + " (minute hour day week month quarter year)");
                    continue;
                }
                if (!d.isTime()) {
                    problems.add(file + ":" + line + ": " + name + " is not a time dimension: no granularity");
                    continue;
                }
            }
            dims.put(name, g);
        }
        return dims;
    }

    private static Set<String> metrics(Path file, int line, String value, Dataset dataset, List<String> problems) {
        List<String> listed = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.strip();
            Metric m = dataset.metric(name).orElse(null);
            if (m == null) {
                problems.add(file + ":" + line + ": unknown metric '" + name + "' of " + dataset.name());
            } else if (!dataset.reaggregatable(m)) {
                problems.add(file + ":" + line + ": metric '" + name + "' (" + m.aggregation().yamlName()
                        + ") cannot be rebuilt from partial aggregates; leave it to the base table");
            } else {
                listed.add(name);
            }
        }
        return RollupView.closure(dataset, listed);
    }

    /** The columns the SELECT must return, with whether each is a time (true) or a metric component (false) or a plain dimension (null). */
    static Map<String, Boolean> expectedColumns(Rollup rollup, Dataset dataset) {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        rollup.dimensions().keySet().forEach(d -> columns.put(d,
                dataset.dimension(d).orElseThrow().isTime() ? Boolean.TRUE : null));
        rollup.metrics().forEach(m -> RollupView.componentColumns(dataset.metric(m).orElseThrow())
                .stream().sorted().forEach(c -> columns.put(c, Boolean.FALSE)));
        return columns;
    }

    private static void checkColumns(RollupDefinition def, Dataset dataset, Connection connection, SqlDialect dialect,
                                     List<String> problems) {
        String where = def.file() + ":" + def.sqlLine() + ": ";
        Map<String, String> actual = new LinkedHashMap<>();
        try {
            // names compare as SQL identifiers do, without case: Trino's Hive tables keep them lower case
            dialect.describe(connection, def.sql()).forEach(c -> actual.put(c.name().toLowerCase(Locale.ROOT), c.type()));
        } catch (SQLException e) {
            problems.add(where + "the SELECT does not run: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        Map<String, Boolean> expected = expectedColumns(def.rollup(), dataset);
        for (Map.Entry<String, Boolean> e : expected.entrySet()) {
            String type = actual.get(e.getKey().toLowerCase(Locale.ROOT));
            if (type == null) {
                problems.add(where + "the SELECT has no column '" + e.getKey() + "' (" + what(e.getValue(), e.getKey())
                        + ")");
            } else if (Boolean.TRUE.equals(e.getValue()) && dialect.typeOf(type) != SqlType.TIMESTAMP) {
                problems.add(where + "column '" + e.getKey() + "' is " + type + ", a time dimension must be TIMESTAMP");
            } else if (Boolean.FALSE.equals(e.getValue()) && !numeric(dialect.typeOf(type))) {
                problems.add(where + "column '" + e.getKey() + "' is " + type + ", a metric column must be numeric");
            }
        }
        Set<String> declared = new HashSet<>();
        expected.keySet().forEach(k -> declared.add(k.toLowerCase(Locale.ROOT)));
        for (String column : actual.keySet()) {
            if (!declared.contains(column)) {
                problems.add(where + "the SELECT returns column '" + column + "' that the header does not declare"
                        + " (expected: " + String.join(", ", expected.keySet()) + ")");
            }
        }
    }

    private static String what(Boolean kind, String column) {
        if (kind == null || kind) {
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
