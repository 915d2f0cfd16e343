package qoegraph.report;

import qoegraph.model.FieldType;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reports of {@code <queries-dir>/reports/*.sql}, in file name order. Adding a report is dropping a file
 * there and restarting. {@link #load} checks each header and its SQL's parameters; {@link #check} prepares
 * each statement on the database and compares what it returns with the declared columns.
 *
 * <p>The files are written in DuckDB's SQL, or for the engines a header line {@code -- engines: duckdb, trino}
 * names (SQL that means the same on each). For another engine a file {@code reports/<engine>/<same name>.sql} (a
 * whole report file, same name, parameters and columns) is the report on that engine; a report with neither is
 * unavailable there, with the reason, and stops nothing. A report that does not prepare on an engine it is written
 * for stops the start there.
 */
public final class Reports {
    /** The engine the files directly in the reports folder are written for. */
    public static final String BASE_ENGINE = "duckdb";

    /** A header line naming the engines a file's SQL is written for: {@code -- engines: duckdb, trino}. */
    private static final Pattern ENGINES = Pattern.compile("(?m)^--\\s*engines\\s*:\\s*(.*)$");

    private final Map<String, Report> byName;
    private final Map<String, Set<String>> engines;
    private final Map<String, String> unavailable;

    private Reports(Map<String, Report> byName) {
        this(byName, Map.of(), Map.of());
    }

    private Reports(Map<String, Report> byName, Map<String, Set<String>> engines, Map<String, String> unavailable) {
        this.byName = byName;
        this.engines = Map.copyOf(engines);
        this.unavailable = Map.copyOf(unavailable);
    }

    public static Reports of(List<Report> reports) {
        Map<String, Report> map = new LinkedHashMap<>();
        reports.forEach(r -> map.put(r.name(), r));
        return new Reports(map);
    }

    /** No reports: a server without a reports folder. */
    public static Reports none() {
        return new Reports(Map.of());
    }

    public List<Report> all() {
        return List.copyOf(byName.values());
    }

    /** Why a report cannot run on this engine; empty when it can. */
    public Optional<String> unavailable(String name) {
        return Optional.ofNullable(unavailable.get(name));
    }

    /**
     * @throws ReportException with every problem of every file (file and line each)
     */
    public static Reports load(Path dir) {
        return load(dir, BASE_ENGINE);
    }

    /**
     * The reports for {@code engine}: each file, or its variant in {@code dir/<engine>/} when there is one.
     *
     * @throws ReportException with every problem of every file (file and line each)
     */
    public static Reports load(Path dir, String engine) {
        if (!Files.isDirectory(dir)) {
            return none();
        }
        List<String> problems = new ArrayList<>();
        Map<String, Report> byName = new LinkedHashMap<>();
        Map<String, Set<String>> engines = new LinkedHashMap<>();
        for (Path base : files(dir)) {
            Path variant = dir.resolve(engine).resolve(base.getFileName());
            boolean isVariant = !engine.equals(BASE_ENGINE) && Files.isRegularFile(variant);
            Path file = isVariant ? variant : base;
            String text = read(file);
            Report report = ReportParser.parse(file, text, problems);
            if (report == null) {
                continue;
            }
            engines.put(report.name(), isVariant ? Set.of(engine) : engines(text));
            Report other = byName.putIfAbsent(report.name(), report);
            if (other != null) {
                problems.add(file + ":1: report name '" + report.name() + "' is already used by " + other.file());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportException(problems);
        }
        return new Reports(byName, engines, Map.of());
    }

    /** The engines a file names in its {@code -- engines:} line; DuckDB alone when it has none. */
    private static Set<String> engines(String text) {
        Matcher m = ENGINES.matcher(text);
        if (!m.find()) {
            return Set.of(BASE_ENGINE);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : m.group(1).split(",")) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /**
     * Prepares every report on {@code connection} (whose tables must exist) and checks that the statement
     * returns the declared columns, by name, in order, with fitting types.
     *
     * @throws ReportException with every mismatch
     */
    public Reports check(Connection connection, SqlDialect dialect) {
        List<String> problems = new ArrayList<>();
        Map<String, String> unavailableHere = new LinkedHashMap<>();
        for (Report report : byName.values()) {
            boolean written = engines.getOrDefault(report.name(), Set.of(BASE_ENGINE)).contains(dialect.name());
            if (written) {
                check(connection, dialect, report, problems);
            } else {
                // not tried: DuckDB's SQL can prepare elsewhere and still mean something else (7 / 2 is 3 on Trino)
                unavailableHere.put(report.name(), report.file().getFileName() + " is written in DuckDB's SQL and has"
                        + " no " + dialect.name() + " variant (queries/reports/" + dialect.name() + "/"
                        + report.file().getFileName() + ", or '-- engines: duckdb, " + dialect.name()
                        + "' in the file when its SQL means the same on both)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportException(problems);
        }
        return new Reports(byName, engines, unavailableHere);
    }

    private static void check(Connection connection, SqlDialect dialect, Report report, List<String> problems) {
        try (PreparedStatement ps = connection.prepareStatement(report.sql())) {
            ResultSetMetaData meta = ps.getMetaData();
            List<ReportColumn> declared = report.columns();
            for (int i = 0; i < Math.max(declared.size(), meta.getColumnCount()); i++) {
                String actual = i < meta.getColumnCount() ? meta.getColumnName(i + 1) : null;
                String actualType = i < meta.getColumnCount() ? meta.getColumnTypeName(i + 1) : null;
                ReportColumn column = i < declared.size() ? declared.get(i) : null;
                String problem = mismatch(column, actual, actualType, dialect);
                if (problem != null) {
                    problems.add(report.file() + ":" + (column == null ? report.sqlLine() : column.line()) + ": " + problem);
                }
            }
        } catch (SQLException e) {
            problems.add(report.file() + ":" + report.sqlLine() + ": the SQL does not prepare: " + firstLine(e));
        }
    }

    private static String mismatch(ReportColumn column, String actual, String actualType, SqlDialect dialect) {
        if (column == null) {
            return "the SQL returns column " + actual + " (" + actualType + ") that the header does not declare";
        }
        if (actual == null) {
            return "column " + column.name() + " is declared but the SQL returns no such column";
        }
        if (actual.equals("unknown") && "UNKNOWN".equalsIgnoreCase(actualType)) {
            return "DuckDB cannot tell the result columns before it runs (a parameter inside a table function such as"
                    + " range(:n)?); keep parameters in expressions and WHERE clauses";
        }
        if (!column.name().equalsIgnoreCase(actual)) { // Trino names result columns in lower case
            return "column " + column.name() + " is declared here but the SQL returns " + actual + " in its place";
        }
        if (!fits(column.type(), dialect.typeOf(actualType))) {
            return "column " + column.name() + " is declared " + column.type().graphqlName() + " but the SQL returns "
                    + actualType;
        }
        return null;
    }

    /** Whether a result column of this kind can be sent as the declared type without loss. */
    static boolean fits(FieldType declared, SqlType type) {
        return switch (declared) {
            case INT -> type == SqlType.SMALL_INTEGER;
            case LONG -> type.isWhole();
            case FLOAT -> type.isNumber();
            case STRING -> type == SqlType.TEXT;
            case BOOLEAN -> type == SqlType.BOOLEAN;
            case DATE_TIME -> type == SqlType.TIMESTAMP;
            default -> false;
        };
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
