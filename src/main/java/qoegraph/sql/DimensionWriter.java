package qoegraph.sql;

import java.time.ZoneId;
import java.time.ZoneOffset;
import qoegraph.model.Dimension;
import qoegraph.model.FieldType;
import qoegraph.plan.PlannedDimension;
import qoegraph.plan.TimeZoneChoice;
import qoegraph.query.SelectedDimension;

/**
 * Writes the grouped value of a selected dimension: the row expression, or its time bucket / date part in
 * the query's zone, or its numeric bucket; and says what the value becomes in Java.
 */
final class DimensionWriter {
    private final SqlDialect dialect;
    private final ExprWriter exprs;
    private final TimeZoneChoice zone;

    DimensionWriter(SqlDialect dialect, ExprWriter exprs, TimeZoneChoice zone) {
        this.dialect = dialect;
        this.exprs = exprs;
        this.zone = zone;
    }

    /** The row value of a dimension as stored (times in UTC): what where filters compare. */
    SqlFragment raw(Dimension dimension) {
        return exprs.write(dimension.sql());
    }

    SqlFragment write(PlannedDimension planned) {
        SelectedDimension selected = planned.selected();
        SqlFragment raw = raw(planned.dimension());
        if (selected.bucketWidth() != null) {
            return dialect.bucket(raw, selected.bucketWidth());
        }
        if (selected.logBase() != null) {
            return dialect.logBucket(raw, selected.logBase());
        }
        if (!planned.dimension().isTime()) {
            return raw;
        }
        return time(selected, raw);
    }

    private SqlFragment time(SelectedDimension selected, SqlFragment utc) {
        if (selected.part() != null) {
            return dialect.datePart(selected.part(), local(utc));
        }
        if (zone.isParticipant()) {
            return dialect.instantWithOffset(selected.granularity(), utc, participantZone());
        }
        if (selected.granularity() == null) {
            return utc;
        }
        if (zone.isUtc()) {
            return dialect.truncate(selected.granularity(), utc);
        }
        return dialect.bucketStartUtc(selected.granularity(), utc, zone.zone());
    }

    private SqlFragment local(SqlFragment utc) {
        if (zone.isUtc()) {
            return utc;
        }
        return dialect.toLocal(utc, zone.isParticipant() ? participantZone() : dialect.zone(zone.zone()));
    }

    /** Each row's participant's zone. */
    private SqlFragment participantZone() {
        return dialect.participantZone(zone.participant(), raw(zone.participantDimension()));
    }

    OutputColumn output(PlannedDimension planned) {
        SelectedDimension selected = planned.selected();
        if (selected.part() != null) {
            return new OutputColumn(selected.key(), FieldType.INT, null);
        }
        FieldType type = planned.dimension().type();
        return new OutputColumn(selected.key(), type, type.isTime() ? shownZone() : null);
    }

    /** The zone UTC values are shown in; null when values are instants with each participant's offset (text). */
    private ZoneId shownZone() {
        return zone.isParticipant() ? null : zone.zone();
    }

    /** Metrics' times (min/max of a time) are instants: shown in the query's zone, or UTC for PARTICIPANT. */
    ZoneId metricZone() {
        return zone.isParticipant() ? ZoneOffset.UTC : zone.zone();
    }
}
