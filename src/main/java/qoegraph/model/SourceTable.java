package qoegraph.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A declared source table: the exact header line its files start with and its columns in file order. */
public record SourceTable(String name, String description, String header, List<String> files,
                          List<SourceColumn> columns) {

    public SourceTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        description = description == null ? "" : description;
        files = List.copyOf(files);
        columns = List.copyOf(columns);
    }

    public Optional<SourceColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public boolean hasPgArrays() {
        return columns.stream().anyMatch(SourceColumn::pgArray);
    }

    /** Column name to DuckDB type, in file order, plus the {@link SourceTables#FILE_ID_COLUMN} ingest adds. */
    public Map<String, String> columnTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        columns.forEach(c -> types.put(c.name(), c.type()));
        types.put(SourceTables.FILE_ID_COLUMN, "INTEGER");
        return types;
    }
}
