package qoegraph.model;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@code PARTICIPANT} time zone is chosen per row: the value of a dimension (the participant's
 * country) maps to a zone; rows with another value or none (e.g. shared devices) use {@code fallback}.
 */
public record ParticipantZone(String dimension, Map<String, ZoneId> zones, ZoneId fallback) {
    public ParticipantZone {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(fallback, "fallback");
        zones = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(zones));
    }
}
