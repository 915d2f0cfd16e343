package qoegraph.generate.study;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the moments a device is used: a day of its period (some days busier than others), then an hour of
 * that day from its type's profile in its owner's local time, converted to UTC with the zone's rules (so the
 * rhythm stays put across the 2015 clock changes).
 */
final class ActivityClock {

    private final TimeSpan window;
    private final SplittableRandom rng;
    private final long[] hourStarts;
    private final boolean[] weekend;
    private final double[] days;
    private final double[] weekdayHours;
    private final double[] weekendHours;

    ActivityClock(TimeSpan window, ZoneId zone, DevType type, SplittableRandom rng) {
        this.window = window;
        this.rng = rng;
        LocalDate first = Times.localDate(window.start(), zone);
        int count = (int) ChronoUnit.DAYS.between(first, Times.localDate(window.end() - 1, zone)) + 1;
        hourStarts = new long[count * 24];
        weekend = new boolean[count];
        double[] dayWeights = new double[count];
        for (int d = 0; d < count; d++) {
            LocalDate date = first.plusDays(d);
            for (int h = 0; h < 24; h++) {
                hourStarts[d * 24 + h] = Times.micros(date, h * 60, zone);
            }
            DayOfWeek day = date.getDayOfWeek();
            weekend[d] = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            dayWeights[d] = Seeds.logNormal(rng, 0.5);
        }
        days = Seeds.cumulative(dayWeights);
        weekdayHours = Seeds.cumulative(type.hourWeights(false));
        weekendHours = Seeds.cumulative(type.hourWeights(true));
    }

    TimeSpan window() {
        return window;
    }

    /** One moment inside [from, to), a sub-period of the window. */
    long next(long from, long to) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int d = Seeds.pick(rng, days);
            int h = Seeds.pick(rng, weekend[d] ? weekendHours : weekdayHours);
            long t = hourStarts[d * 24 + h] + rng.nextLong(Times.HOUR);
            if (t >= from && t < to) {
                return t;
            }
        }
        return from + rng.nextLong(to - from);
    }

    long next() {
        return next(window.start(), window.end());
    }

    /** n moments inside [from, to), in time order. */
    long[] sorted(int count, long from, long to) {
        long[] moments = new long[count];
        for (int i = 0; i < count; i++) {
            moments[i] = next(from, to);
        }
        Arrays.sort(moments);
        return moments;
    }
}
