package qoegraph.report;

import qoegraph.model.FieldType;
import qoegraph.model.Problems;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one report file: a header of {@code --} comment lines, then one SQL statement.
 *
 * <pre>
 * -- name: deviceLocations
 * -- description: Per device, the share of bytes ... at its top n locations.
 * -- param: n Int = 3 range 1..50 | How many locations per device.
 * -- column: device_id Int | The device.
 * SELECT ... :n ...
 * </pre>
 *
 * Problems are collected with the file and line ({@code reports/x.sql:4: unknown type 'Integer'}).
 */
final class ReportParser {
    static final Set<FieldType> TYPES = Set.of(FieldType.INT, FieldType.LONG, FieldType.FLOAT, FieldType.STRING,
            FieldType.BOOLEAN, FieldType.DATE_TIME);
    private static final Pattern KEY = Pattern.compile("--\\s*(name|description|param|column)\\s*:\\s*(.*)");
    private static final Pattern PARAM = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s*=\\s*('(?:[^']|'')*'|[^\\s|]+))?"
            + "(?:\\s+range\\s+(-?[0-9.]*)\\.\\.(-?[0-9.]*?))?(?:\\s+values\\s+([A-Za-z]\\w*\\.[A-Za-z]\\w*))?"
            + "\\s*\\|\\s*(.*)");
    private static final Pattern COLUMN = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s+deprecated\\s+(\\S+))?\\s*\\|\\s*(.*)");

    private final Path file;
    private final Problems problems;
    private String name;
    private final StringBuilder description = new StringBuilder();
    private final Map<String, ReportParameter> parameters = new LinkedHashMap<>();
    private final Map<String, ReportColumn> columns = new LinkedHashMap<>();

    private ReportParser(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The report, or null when the file has problems (added to {@code problems}). */
    static Report parse(Path file, String text, Problems problems) {
        return new ReportParser(file, problems).parse(text);
    }

    private Report parse(String text) {
        int before = problems.size();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].trim().startsWith("--"))) {
            header(lines[i].trim(), i + 1);
            i++;
        }
        int sqlLine = i + 1;
        String sql = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(i, lines.length), lines.length));
        checkHeader();
        sql = oneStatement(sql, sqlLine);
        List<NamedParameters.Use> uses = sql == null ? List.of() : checkUses(sql, sqlLine);
        if (problems.size() > before) {
            return null;
        }
        Map<String, String> sqlTypes = new LinkedHashMap<>();
        parameters.values().forEach(p -> sqlTypes.put(p.name(), sqlType(p.type())));
        return new Report(name, description.toString(), file, List.copyOf(parameters.values()),
                List.copyOf(columns.values()), NamedParameters.rewrite(sql, uses, sqlTypes),
                uses.stream().map(NamedParameters.Use::name).toList(), sqlLine);
    }

    private void header(String line, int number) {
        Matcher m = KEY.matcher(line);
        if (!m.matches()) {
            return;
        }
        String value = m.group(2).trim();
        switch (m.group(1)) {
            case "name" -> name(value, number);
            case "description" -> description.append(description.length() == 0 ? "" : " ").append(value);
            case "param" -> param(value, number);
            default -> column(value, number);
        }
    }

    private void name(String value, int line) {
        if (!ReportNames.REPORT.matcher(value).matches()) {
            problem(line, "report name '" + value + "' must be a lowerCamelCase GraphQL name, e.g. userRanking");
        }
        name = value;
    }

    private void param(String value, int line) {
        Matcher m = PARAM.matcher(value);
        if (!m.matches()) {
            problem(line, "a parameter reads 'param: <name> <type> [= <default>] [range <min>..<max>]"
                    + " [values <dataset>.<dimension>] | <description>'");
            return;
        }
        FieldType type = type(m.group(2), line);
        String sqlName = sqlName(m.group(1), line, parameters.keySet());
        if (type == null || sqlName == null) {
            return;
        }
        boolean optional = m.group(3) != null;
        Object fallback = optional ? defaultValue(type, m.group(3), line) : null;
        Double min = bound(m.group(4), line);
        Double max = bound(m.group(5), line);
        if ((min != null || max != null) && !type.isNumeric()) {
            problem(line, "range is only for Int, Long and Float parameters");
        }
        String values = m.group(6);
        if (values != null && type != FieldType.STRING) {
            problem(line, "values is only for String parameters");
        }
        String doc = described(m.group(7), line);
        parameters.put(sqlName, new ReportParameter(sqlName, type, fallback, optional, min, max, doc, line, values));
    }

    private void column(String value, int line) {
        Matcher m = COLUMN.matcher(value);
        if (!m.matches()) {
            problem(line, "a column reads 'column: <name> <type> [deprecated <new_name>] | <description>'");
            return;
        }
        FieldType type = type(m.group(2), line);
        String sqlName = sqlName(m.group(1), line, columns.keySet());
        String replacedBy = m.group(3);
        if (type != null && sqlName != null) {
            columns.put(sqlName, new ReportColumn(sqlName, type, described(m.group(4), line), line, replacedBy));
        }
    }

    private FieldType type(String text, int line) {
        FieldType type = FieldType.fromGraphqlName(text).filter(TYPES::contains).orElse(null);
        if (type == null) {
            problem(line, "unknown type '" + text + "'; use one of Int, Long, Float, String, Boolean, DateTime");
        }
        return type;
    }

    private String sqlName(String text, int line, Set<String> taken) {
        if (!ReportNames.SQL.matcher(text).matches()) {
            problem(line, "name '" + text + "' must be lower_snake_case (letters, digits, _)");
            return null;
        }
        if (taken.contains(text)) {
            problem(line, "'" + text + "' is declared twice");
            return null;
        }
        return text;
    }

    private Object defaultValue(FieldType type, String text, int line) {
        if (text.equals("null")) {
            return null;
        }
        try {
            return switch (type) {
                case INT -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case FLOAT -> Double.valueOf(text);
                case BOOLEAN -> booleanValue(text);
                case STRING -> unquote(text);
                default -> OffsetDateTime.parse(unquote(text));
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problem(line, "default " + text + " is not a " + type.graphqlName()
                    + (type == FieldType.STRING || type == FieldType.DATE_TIME ? " (quote it: 'text')" : ""));
            return null;
        }
    }

    private static Boolean booleanValue(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(text);
        }
        return Boolean.valueOf(text);
    }

    private static String unquote(String text) {
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            throw new IllegalArgumentException(text);
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private Double bound(String text, int line) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problem(line, "range bound '" + text + "' is not a number");
            return null;
        }
    }

    private String described(String text, int line) {
        if (text.isBlank()) {
            problem(line, "a description is required after '|': GraphiQL's docs pane shows it");
        }
        return text.trim();
    }

    private void checkHeader() {
        if (name == null) {
            problem(1, "the header has no '-- name: <reportName>' line");
        }
        if (description.length() == 0) {
            problem(1, "the header has no '-- description: ...' line");
        }
        if (columns.isEmpty()) {
            problem(1, "the header declares no result columns ('-- column: <name> <type> | <description>')");
        }
        columns.values().stream().filter(c -> c.replacedBy() != null && !columns.containsKey(c.replacedBy()))
                .forEach(c -> problem(c.line(), "deprecated " + c.replacedBy() + ": no column " + c.replacedBy()
                        + " replaces it"));
    }

    private String oneStatement(String sql, int line) {
        String text = sql.strip();
        int end = NamedParameters.statementEnd(text);
        if (end >= 0 && !text.substring(end + 1).isBlank()) {
            problem(line, "a report holds one SQL statement; found more than one");
            return null;
        }
        text = (end >= 0 ? text.substring(0, end) : text).stripTrailing();
        if (text.isBlank()) {
            problem(line, "no SQL statement after the header");
            return null;
        }
        return sql.substring(0, sql.indexOf(text.charAt(0))) + text;
    }

    private List<NamedParameters.Use> checkUses(String sql, int line) {
        List<NamedParameters.Use> uses = NamedParameters.find(sql, line);
        Set<String> used = new java.util.HashSet<>();
        for (NamedParameters.Use use : uses) {
            used.add(use.name());
            if (!parameters.containsKey(use.name())) {
                problem(use.line(), "parameter :" + use.name() + " is used but not declared; add '-- param: "
                        + use.name() + " <type> [= <default>] | <description>'");
            }
        }
        parameters.values().stream().filter(p -> !used.contains(p.name()))
                .forEach(p -> problem(p.line(), "parameter " + p.name() + " is declared but the SQL never uses :"
                        + p.name()));
        return uses;
    }

    static String sqlType(FieldType type) {
        return switch (type) {
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE_TIME -> "TIMESTAMP";
            default -> "VARCHAR";
        };
    }

    private void problem(int line, String message) {
        problems.atLine(file, line, message);
    }
}
