package qoegraph.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the table layouts of sources.yml: table name to column name to DuckDB type. */
final class SourceTables {
    /** Every ingested table carries the id of the file its rows came from. */
    static final String FILE_ID_COLUMN = "_file_id";

    private SourceTables() {
    }

    static Map<String, Map<String, String>> read(Object document, String file, ModelErrors errors) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (!(document instanceof Map) || !(((Map<?, ?>) document).get("tables") instanceof Map)) {
            errors.add(file, "tables", "missing the 'tables' mapping");
            return tables;
        }
        Map<?, ?> declared = (Map<?, ?>) ((Map<?, ?>) document).get("tables");
        declared.forEach((name, table) -> tables.put(String.valueOf(name), columns(name, table, file, errors)));
        return tables;
    }

    private static Map<String, String> columns(Object name, Object table, String file, ModelErrors errors) {
        Map<String, String> columns = new LinkedHashMap<>();
        Object list = table instanceof Map ? ((Map<?, ?>) table).get("columns") : null;
        if (!(list instanceof List)) {
            errors.add(file, "tables." + name + ".columns", "expected a list of {name, type}");
            return columns;
        }
        for (Object column : (List<?>) list) {
            if (!(column instanceof Map) || ((Map<?, ?>) column).get("name") == null) {
                errors.add(file, "tables." + name + ".columns", "expected {name, type}, got " + column);
                continue;
            }
            Map<?, ?> c = (Map<?, ?>) column;
            columns.put(String.valueOf(c.get("name")), String.valueOf(c.get("type")));
        }
        columns.put(FILE_ID_COLUMN, "INTEGER");
        return columns;
    }
}
