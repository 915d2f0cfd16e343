package qoegraph.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Parses sources.yml and collects every error with file and key before failing once. */
final class SourceTablesLoader {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TYPE = Pattern.compile(
            "(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE"
                    + "|DECIMAL\\(\\d+, ?\\d+\\)|VARCHAR|DATE|TIME|TIMESTAMP|TIMESTAMPTZ|INTERVAL|UUID|BLOB)(\\[\\])?");
    private static final Set<String> TABLE_KEYS = Set.of("description", "header", "files", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "format", "nullable", "lowCardinality",
            "description");

    private static final Object PARSE_FAILED = new Object();

    private final Path file;
    private final String fileName;
    private final Problems errors = new Problems();

    /** @param fileName how errors name the file */
    SourceTablesLoader(Path file, String fileName) {
        this.file = file;
        this.fileName = fileName;
    }

    /** The valid layouts, or a {@link SourceTablesException} with every problem. */
    SourceTables load() {
        SourceTables tables = read();
        errors.throwIfAny(SourceTablesException::new);
        return tables;
    }

    /** Every problem found by {@link #read} (each starting with the file name). */
    List<String> errors() {
        return errors.list();
    }

    /** The tables that could be read (none when the file is unreadable), problems noted in {@link #errors}. */
    SourceTables read() {
        Object document = parse();
        if (document == PARSE_FAILED) {
            return new SourceTables(Map.of());
        }
        Map<?, ?> root = map(document, "(top level)");
        Map<?, ?> declared = root == null ? null : map(root.get("tables"), "tables");
        Map<String, SourceTable> tables = new LinkedHashMap<>();
        if (declared != null) {
            declared.forEach((name, node) -> {
                SourceTable table = table(String.valueOf(name), node);
                if (table != null) {
                    tables.put(table.name(), table);
                }
            });
        }
        checkUniqueHeaders(tables);
        return new SourceTables(tables);
    }

    private Object parse() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            errors.atKey(fileName, "", "cannot read: " + e);
        } catch (YAMLException e) {
            errors.atKey(fileName, "", "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        return PARSE_FAILED;
    }

    private SourceTable table(String name, Object node) {
        String key = "tables." + name;
        if (!NAME.matcher(name).matches()) {
            error(key, "table name must match " + NAME.pattern() + " (names starting with _ are for bookkeeping)");
        }
        Map<?, ?> map = map(node, key);
        if (map == null) {
            return null;
        }
        unknownKeys(map, TABLE_KEYS, key);
        String header = string(map.get("header"), key + ".header");
        List<SourceColumn> columns = columns(map.get("columns"), key + ".columns");
        List<String> files = strings(map.get("files"), key + ".files");
        if (header == null) {
            return null;
        }
        checkHeader(header, columns, key);
        return new SourceTable(name, string(map.get("description"), null), header, files, columns);
    }

    private List<SourceColumn> columns(Object node, String key) {
        List<SourceColumn> columns = new ArrayList<>();
        if (!(node instanceof List<?> list) || list.isEmpty()) {
            error(key, "must be a non-empty list of {name, type}");
            return columns;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            SourceColumn column = column(list.get(i), key + "[" + i + "]");
            if (column != null && seen.putIfAbsent(column.name(), i) != null) {
                error(key + "[" + i + "].name", "duplicate column '" + column.name() + "'");
            }
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }

    private SourceColumn column(Object node, String key) {
        Map<?, ?> map = map(node, key);
        if (map == null) {
            return null;
        }
        unknownKeys(map, COLUMN_KEYS, key);
        String name = string(map.get("name"), key + ".name");
        String type = string(map.get("type"), key + ".type");
        String format = map.get("format") == null ? null : string(map.get("format"), key + ".format");
        if (name != null && !NAME.matcher(name).matches()) {
            error(key + ".name", "column name '" + name + "' must match " + NAME.pattern());
        }
        if (type != null && !TYPE.matcher(type).matches()) {
            error(key + ".type", "unknown type '" + type + "'");
        }
        boolean nullable = bool(map.get("nullable"), key + ".nullable");
        if (format != null && !SourceColumn.PGARRAY.equals(format)) {
            error(key + ".format", "unknown format '" + format + "' (known: pgarray)");
        }
        if (SourceColumn.PGARRAY.equals(format) && type != null && !type.endsWith("[]")) {
            error(key + ".format", "pgarray needs a list type such as VARCHAR[], not " + type);
        }
        boolean lowCardinality = bool(map.get("lowCardinality"), key + ".lowCardinality");
        if (lowCardinality && type != null && !type.equals("VARCHAR")) {
            error(key + ".lowCardinality", "applies to VARCHAR columns only, not " + type);
        }
        return name == null || type == null ? null : new SourceColumn(name, type, format, nullable, lowCardinality);
    }

    // The header names the columns in file order; a leading '#' (as in "#stream") is not part of the name.
    private void checkHeader(String header, List<SourceColumn> columns, String key) {
        String[] fields = header.split(",", -1);
        if (header.contains("\"")) {
            error(key + ".header", "must not contain quotes");
        }
        if (fields.length != columns.size()) {
            error(key + ".header", "has " + fields.length + " fields but " + columns.size() + " columns are declared");
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].startsWith("#") ? fields[i].substring(1) : fields[i];
            if (!field.equals(columns.get(i).name())) {
                error(key + ".header", "field " + (i + 1) + " is '" + fields[i] + "' but column " + (i + 1)
                        + " is '" + columns.get(i).name() + "'");
            }
        }
    }

    private void checkUniqueHeaders(Map<String, SourceTable> tables) {
        Map<String, String> owner = new HashMap<>();
        for (SourceTable table : tables.values()) {
            String other = owner.putIfAbsent(table.header(), table.name());
            if (other != null) {
                error("tables." + table.name() + ".header", "same header as table '" + other + "'");
            }
        }
    }

    private void unknownKeys(Map<?, ?> map, Set<String> known, String key) {
        map.keySet().stream().map(String::valueOf).filter(k -> !known.contains(k)).sorted()
                .forEach(k -> error(key + "." + k, "unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
    }

    private Map<?, ?> map(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        error(key, node == null ? "missing" : "must be a mapping");
        return null;
    }

    private String string(Object node, String key) {
        if (node instanceof String s && !s.isBlank()) {
            return s;
        }
        if (key != null) {
            error(key, node == null ? "missing" : "must be a non-empty string");
        }
        return null;
    }

    private boolean bool(Object node, String key) {
        if (node == null || node instanceof Boolean) {
            return Boolean.TRUE.equals(node);
        }
        error(key, "must be true or false");
        return false;
    }

    private List<String> strings(Object node, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        error(key, "must be a list of file names");
        return List.of();
    }

    private void error(String key, String message) {
        errors.atKey(fileName, key, message);
    }
}
