package qoegraph.plan;

import java.time.ZoneId;
import java.time.ZoneOffset;
import qoegraph.model.Dimension;
import qoegraph.model.ParticipantZone;

/**
 * The zone time dimensions are shown in: one zone for all rows, or each row's participant's zone (chosen
 * from a dimension's value, e.g. the owner's country).
 *
 * @param zone the one zone; null for participant zones
 * @param participant the per-row rule; null for one zone
 * @param participantDimension the dimension whose value picks the zone; null for one zone
 */
public record TimeZoneChoice(ZoneId zone, ParticipantZone participant, Dimension participantDimension) {
    public static TimeZoneChoice of(ZoneId zone) {
        return new TimeZoneChoice(zone, null, null);
    }

    public static TimeZoneChoice participant(ParticipantZone rule, Dimension dimension) {
        return new TimeZoneChoice(null, rule, dimension);
    }

    public boolean isParticipant() {
        return participant != null;
    }

    /** Whether times need no conversion: one zone that is always UTC. */
    public boolean isUtc() {
        return zone != null && zone.normalized().equals(ZoneOffset.UTC);
    }
}
