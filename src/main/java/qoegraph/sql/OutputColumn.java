package qoegraph.sql;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import qoegraph.model.FieldType;

/**
 * One column of a statement's result: its output key and the Java value it becomes.
 *
 * @param zone for DateTime columns: the zone the stored UTC value is shown in (an OffsetDateTime), or null
 *        when the column holds instants of mixed zones as text, UTC time then the offset to show it at (PARTICIPANT)
 * @param totalled for the subtotal mark: the output keys of the grouped dimensions, first one first; the column
 *        holds a bit mask (the first dimension the highest bit) that becomes the list of those a row adds up over.
 *        Null for every other column.
 */
public record OutputColumn(String key, FieldType type, ZoneId zone, List<String> totalled) {
    public OutputColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        totalled = totalled == null ? null : List.copyOf(totalled);
    }

    public OutputColumn(String key, FieldType type, ZoneId zone) {
        this(key, type, zone, null);
    }

    /** The subtotal mark of rows grouped by these dimension keys. */
    public static OutputColumn totalOver(String key, List<String> dimensionKeys) {
        return new OutputColumn(key, FieldType.STRING_LIST, null, dimensionKeys);
    }
}
