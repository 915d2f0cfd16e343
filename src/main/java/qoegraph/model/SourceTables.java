package qoegraph.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The table layouts of queries/model/sources.yml, checked on load: the one reader of that file, used by the
 * model (column types of the datasets' tables) and by ingest (headers, formats). Files are matched to tables
 * by their header line, which is unique per table.
 */
public record SourceTables(Map<String, SourceTable> tables) {

    /** Every ingested table carries the id of the file its rows came from. */
    public static final String FILE_ID_COLUMN = "_file_id";

    public SourceTables {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** Reads and validates sources.yml; every problem is reported at once in a {@link SourceTablesException}. */
    public static SourceTables load(Path yml) {
        return new SourceTablesLoader(yml, yml.toString()).load();
    }

    public Collection<SourceTable> all() {
        return tables.values();
    }

    public Optional<SourceTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<SourceTable> byHeader(String header) {
        return tables.values().stream().filter(t -> t.header().equals(header)).findFirst();
    }

    /**
     * The table whose header is nearest to {@code header}, for error messages: most column names in common
     * first (a header that lost or misspelt a column still points to its table), then the same number of fields
     * (a data line in place of the header still points to its table), then fewest edits.
     */
    public Optional<SourceTable> closest(String header) {
        List<String> names = List.of(header.split(",", -1));
        return tables.values().stream()
                .min(Comparator.comparingLong((SourceTable t) -> -shared(t, names))
                        .thenComparingInt(t -> Math.abs(t.header().split(",", -1).length - names.size()))
                        .thenComparingInt(t -> Names.distance(t.header(), header)));
    }

    private static long shared(SourceTable table, List<String> names) {
        return Stream.of(table.header().split(",", -1)).filter(names::contains).count();
    }
}
