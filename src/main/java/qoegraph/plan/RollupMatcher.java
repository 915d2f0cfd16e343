package qoegraph.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;

/**
 * Whether a rollup can answer a query exactly: a pure predicate over the query's {@link QueryShape} and
 * the rollup's declaration (no JDBC, no GraphQL), in the manner of Cube's pre-aggregation matching.
 *
 * <ul>
 *   <li>same dataset; every grouped and every filtered dimension is a rollup dimension;</li>
 *   <li>a time dimension the rollup truncates to granularity R (UTC) serves a query granularity Q when Q
 *       is R or a coarsening of it (DAY, WEEK, MONTH from HOUR; QUARTER from MONTH; never WEEK from
 *       MONTH nor anything finer than R), and parts HOUR_OF_DAY / DAY_OF_WEEK / MONTH_OF_YEAR when R is
 *       at most HOUR / DAY / MONTH; raw times (no granularity, no part) need a raw rollup column;</li>
 *   <li>outside UTC, local buckets are unions of R buckets only when every offset the zone has used
 *       since 1970 is a whole multiple of R: whole hours for HOUR (Europe/Paris, Europe/London and so
 *       PARTICIPANT over fr/uk: yes; Asia/Kolkata +05:30: no), whole minutes for MINUTE; a rollup by
 *       DAY or coarser serves UTC only. PARTICIPANT also needs the dimension that picks the zone;</li>
 *   <li>a where comparison on a truncated time is kept only when it holds of a row exactly when it holds
 *       of the row's bucket: {@code gte} / {@code lt} (and {@code eq}-free combinations of them, negated
 *       or not) against a value on a bucket boundary, and {@code isNull};</li>
 *   <li>every metric is one the rollup keeps and can be rebuilt from partial aggregates (sums, counts,
 *       count_if, min, max, means as sum / count, ratios of those). Window functions run over the
 *       grouped rows and top-N ranks by a metric, so both are fine when their metrics are.</li>
 * </ul>
 */
public final class RollupMatcher {
    private RollupMatcher() {
    }

    public static boolean canServe(QueryShape shape, RollupDeclaration rollup) {
        return whyNot(shape, rollup).isEmpty();
    }

    /** Why the rollup cannot serve the query; empty when it can. */
    public static Optional<String> whyNot(QueryShape shape, RollupDeclaration rollup) {
        if (!shape.dataset().equals(rollup.dataset())) {
            return Optional.of("other dataset");
        }
        boolean groupsByTime = false;
        for (QueryShape.TimeUse d : shape.dimensions()) {
            if (!rollup.hasDimension(d.name())) {
                return Optional.of("dimension " + d.name() + " not kept");
            }
            if (d.time()) {
                groupsByTime = true;
                Optional<String> time = time(d, rollup.granularity(d.name()), shape.zone());
                if (time.isPresent()) {
                    return time;
                }
            }
        }
        for (String f : shape.filterFields()) {
            if (!rollup.hasDimension(f)) {
                return Optional.of("filter column " + f + " not kept");
            }
        }
        for (Filter.Compare c : shape.timeFilters()) {
            Granularity g = rollup.granularity(c.field());
            if (g != null && !exactOnBuckets(c, g)) {
                return Optional.of("filter " + c.field() + " " + c.op() + " " + c.value() + " not on " + g + " boundaries");
            }
        }
        if (shape.zone().isParticipant() && groupsByTime
                && !rollup.hasDimension(shape.zone().participant().dimension())) {
            return Optional.of("participant zone dimension " + shape.zone().participant().dimension() + " not kept");
        }
        for (Map.Entry<String, Boolean> m : shape.metrics().entrySet()) {
            if (!m.getValue()) {
                return Optional.of("metric " + m.getKey() + " cannot be rebuilt from partial aggregates");
            }
            if (!rollup.metrics().contains(m.getKey())) {
                return Optional.of("metric " + m.getKey() + " not kept");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> time(QueryShape.TimeUse d, Granularity kept, TimeZoneChoice zone) {
        if (kept == null) {
            return Optional.empty();
        }
        if (d.granularity() == null && d.part() == null) {
            return Optional.of(d.name() + " raw, rollup keeps " + kept);
        }
        boolean fits = d.part() != null ? partFrom(d.part(), kept) : coarsens(d.granularity(), kept);
        if (!fits) {
            return Optional.of(d.name() + " " + (d.part() != null ? d.part() : d.granularity()) + " not from " + kept);
        }
        if (!alignedZones(zone, kept)) {
            return Optional.of("time zone offsets are not whole " + kept + "s");
        }
        return Optional.empty();
    }

    /** Whether buckets of {@code query} are unions of buckets of {@code kept}. */
    static boolean coarsens(Granularity query, Granularity kept) {
        if (query == kept) {
            return true;
        }
        return switch (kept) {
            case MINUTE, HOUR, DAY -> query.ordinal() > kept.ordinal();
            case WEEK -> false;
            case MONTH -> query == Granularity.QUARTER || query == Granularity.YEAR;
            case QUARTER -> query == Granularity.YEAR;
            case YEAR -> false;
        };
    }

    static boolean partFrom(DatePart part, Granularity kept) {
        return switch (part) {
            case HOUR_OF_DAY -> kept == Granularity.MINUTE || kept == Granularity.HOUR;
            case DAY_OF_WEEK -> kept.ordinal() <= Granularity.DAY.ordinal();
            case MONTH_OF_YEAR -> kept != Granularity.WEEK && kept.ordinal() <= Granularity.MONTH.ordinal();
        };
    }

    private static boolean alignedZones(TimeZoneChoice zone, Granularity kept) {
        if (zone.isUtc()) {
            return true;
        }
        List<ZoneId> zones = new ArrayList<>();
        if (zone.isParticipant()) {
            zones.addAll(zone.participant().zones().values());
            zones.add(zone.participant().fallback());
        } else {
            zones.add(zone.zone());
        }
        return zones.stream().allMatch(z -> wholeOffsets(z, kept));
    }

    private static final Instant SINCE = Instant.parse("1970-01-01T00:00:00Z");

    /** Whether every offset the zone has had since 1970 (and will have by its rules) is a multiple of the bucket. */
    static boolean wholeOffsets(ZoneId zone, Granularity kept) {
        if (kept != Granularity.HOUR && kept != Granularity.MINUTE) {
            return zone.normalized().equals(ZoneOffset.UTC);
        }
        long unit = kept == Granularity.HOUR ? 3600 : 60;
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = new ArrayList<>();
        offsets.add(rules.getOffset(SINCE));
        for (ZoneOffsetTransition t : rules.getTransitions()) {
            if (!t.getInstant().isBefore(SINCE)) {
                offsets.add(t.getOffsetBefore());
                offsets.add(t.getOffsetAfter());
            }
        }
        for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
            offsets.add(r.getOffsetBefore());
            offsets.add(r.getOffsetAfter());
        }
        return offsets.stream().allMatch(o -> o.getTotalSeconds() % unit == 0);
    }

    /** Whether {@code time op value} holds exactly when it holds of the time truncated to the bucket. */
    static boolean exactOnBuckets(Filter.Compare c, Granularity kept) {
        if (c.op() == Operator.IS_NULL) {
            return true;
        }
        if (c.op() != Operator.GTE && c.op() != Operator.LT) {
            return false;
        }
        LocalDateTime value = QueryShape.utc(c.value());
        return value != null && onBoundary(value, kept);
    }

    private static boolean onBoundary(LocalDateTime t, Granularity g) {
        return switch (g) {
            case MINUTE -> t.equals(t.truncatedTo(ChronoUnit.MINUTES));
            case HOUR -> t.equals(t.truncatedTo(ChronoUnit.HOURS));
            case DAY -> t.equals(t.truncatedTo(ChronoUnit.DAYS));
            case WEEK -> t.equals(t.truncatedTo(ChronoUnit.DAYS)) && t.getDayOfWeek() == java.time.DayOfWeek.MONDAY;
            case MONTH -> t.equals(t.truncatedTo(ChronoUnit.DAYS)) && t.getDayOfMonth() == 1;
            case QUARTER -> t.equals(t.truncatedTo(ChronoUnit.DAYS)) && t.getDayOfMonth() == 1
                    && (t.getMonthValue() - 1) % 3 == 0;
            case YEAR -> t.equals(t.truncatedTo(ChronoUnit.DAYS)) && t.getDayOfYear() == 1;
        };
    }

}
