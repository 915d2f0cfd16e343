package qoegraph.ingest;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The table layouts of queries/model/sources.yml, checked on load. Files are matched to tables by their
 * header line, which is unique per table.
 */
public final class SourceTables {

    private final Map<String, SourceTable> tables;

    SourceTables(Map<String, SourceTable> tables) {
        this.tables = new LinkedHashMap<>(tables);
    }

    /** Reads and validates sources.yml; every problem is reported at once in a {@link SourceTablesException}. */
    public static SourceTables load(Path yml) {
        return new SourceTablesLoader(yml).load();
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
     * The table whose header is nearest to {@code header}, for error messages: same number of fields first
     * (a data line in place of the header still points to its table), then fewest edits.
     */
    public Optional<SourceTable> closest(String header) {
        int fields = header.split(",", -1).length;
        return tables.values().stream()
                .min(Comparator.comparingInt((SourceTable t) -> Math.abs(t.header().split(",", -1).length - fields))
                        .thenComparingInt(t -> EditDistance.between(t.header(), header)));
    }
}
