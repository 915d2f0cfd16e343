package qoegraph.sql;

import java.time.ZoneId;
import java.util.Objects;
import qoegraph.model.FieldType;

/**
 * One column of a statement's result: its output key and the Java value it becomes.
 *
 * @param zone for DateTime columns: the zone the stored UTC value is shown in (an OffsetDateTime), or null
 *        when the column holds instants of mixed zones as text, UTC time then the offset to show it at (PARTICIPANT)
 */
public record OutputColumn(String key, FieldType type, ZoneId zone) {
    public OutputColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }
}
