package qoegraph.report;

import qoegraph.model.FieldType;

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
import java.util.stream.Stream;

/**
 * The reports of {@code <queries-dir>/reports/*.sql}, in file name order. Adding a report is dropping a file
 * there and restarting. {@link #load} checks each header and its SQL's parameters; {@link #check} prepares
 * each statement on the database and compares what it returns with the declared columns.
 */
public final class Reports {
    private final Map<String, Report> byName;

    private Reports(Map<String, Report> byName) {
        this.byName = byName;
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

    /**
     * @throws ReportException with every problem of every file (file and line each)
     */
    public static Reports load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return none();
        }
        List<String> problems = new ArrayList<>();
        Map<String, Report> byName = new LinkedHashMap<>();
        for (Path file : files(dir)) {
            Report report = ReportParser.parse(file, read(file), problems);
            if (report == null) {
                continue;
            }
            Report other = byName.putIfAbsent(report.name(), report);
            if (other != null) {
                problems.add(file + ":1: report name '" + report.name() + "' is already used by " + other.file());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportException(problems);
        }
        return new Reports(byName);
    }

    /**
     * Prepares every report on {@code connection} (whose tables must exist) and checks that the statement
     * returns the declared columns, by name, in order, with fitting types.
     *
     * @throws ReportException with every mismatch
     */
    public Reports check(Connection connection) {
        List<String> problems = new ArrayList<>();
        for (Report report : byName.values()) {
            check(connection, report, problems);
        }
        if (!problems.isEmpty()) {
            throw new ReportException(problems);
        }
        return this;
    }

    private static void check(Connection connection, Report report, List<String> problems) {
        try (PreparedStatement ps = connection.prepareStatement(report.sql())) {
            ResultSetMetaData meta = ps.getMetaData();
            List<ReportColumn> declared = report.columns();
            for (int i = 0; i < Math.max(declared.size(), meta.getColumnCount()); i++) {
                String actual = i < meta.getColumnCount() ? meta.getColumnName(i + 1) : null;
                String actualType = i < meta.getColumnCount() ? meta.getColumnTypeName(i + 1) : null;
                ReportColumn column = i < declared.size() ? declared.get(i) : null;
                String problem = mismatch(column, actual, actualType);
                if (problem != null) {
                    problems.add(report.file() + ":" + (column == null ? report.sqlLine() : column.line()) + ": " + problem);
                }
            }
        } catch (SQLException e) {
            problems.add(report.file() + ":" + report.sqlLine() + ": the SQL does not prepare: " + firstLine(e));
        }
    }

    private static String mismatch(ReportColumn column, String actual, String actualType) {
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
        if (!column.name().equals(actual)) {
            return "column " + column.name() + " is declared here but the SQL returns " + actual + " in its place";
        }
        if (!fits(column.type(), actualType)) {
            return "column " + column.name() + " is declared " + column.type().graphqlName() + " but the SQL returns "
                    + actualType;
        }
        return null;
    }

    /** Whether a DuckDB result type can be sent as the declared type without loss. */
    static boolean fits(FieldType declared, String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        boolean small = t.equals("TINYINT") || t.equals("SMALLINT") || t.equals("INTEGER")
                || t.equals("UTINYINT") || t.equals("USMALLINT");
        boolean whole = small || t.equals("BIGINT") || t.equals("HUGEINT") || t.equals("UINTEGER");
        boolean number = whole || t.equals("DOUBLE") || t.equals("FLOAT") || t.startsWith("DECIMAL");
        return switch (declared) {
            case INT -> small;
            case LONG -> whole;
            case FLOAT -> number;
            case STRING -> t.equals("VARCHAR") || t.startsWith("ENUM"); // lowCardinality columns are ENUMs
            case BOOLEAN -> t.equals("BOOLEAN");
            case DATE_TIME -> t.equals("TIMESTAMP");
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
