package qoegraph.generate.study;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Timestamps are epoch microseconds (UTC) throughout the generator. */
final class Times {

    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final long BIN = 10 * SECOND;

    private Times() {
    }

    static long micros(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toEpochSecond() * SECOND;
    }

    static long micros(LocalDate date, int minuteOfDay, ZoneId zone) {
        return micros(date.atStartOfDay().plusMinutes(minuteOfDay), zone);
    }

    static LocalDate localDate(long micros, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, SECOND)).atZone(zone).toLocalDate();
    }

    /** End of the 10-second bin holding t. */
    static long binEnd(long t) {
        return (Math.floorDiv(t, BIN) + 1) * BIN;
    }
}
