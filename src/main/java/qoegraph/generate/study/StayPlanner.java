package qoegraph.generate.study;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A device's stays, day by day in its owner's local time: at home overnight, at work on weekdays, out for
 * lunch, in the evening or at weekends, with as many stays a day as the device's share of the total allows
 * (longer stays are cut in two, as the Moves app does). On some days a second source records part of a stay
 * again, which gives the overlapping stays.
 */
final class StayPlanner {

    private static final int[] HOME_NIGHT = {19 * 60 + 30, 24 * 60 + 7 * 60 + 45};
    private static final int[] WORK_FULL = {9 * 60, 17 * 60 + 30};
    private static final int[] WORK_AM = {9 * 60, 12 * 60};
    private static final int[] LUNCH = {12 * 60 + 10, 13 * 60};
    private static final int[] WORK_PM = {13 * 60 + 10, 17 * 60 + 30};
    private static final int[] EVENING = {18 * 60, 19 * 60 + 15};
    private static final int[] MORNING_OUT = {10 * 60, 11 * 60 + 30};
    private static final int[] DAY_OUT = {12 * 60, 16 * 60 + 30};
    private static final int[] HOME_EVENING = {18 * 60, 23 * 60 + 30};
    private static final double EXTRA_SHARE = 0.25;

    private final Device device;
    private final Places places;
    private final SplittableRandom rng;
    private final ZoneId zone;

    private StayPlanner(Device device, Places places, SplittableRandom rng) {
        this.device = device;
        this.places = places;
        this.rng = rng;
        this.zone = device.country().zone;
    }

    static List<Stay> plan(Device device, Places places, long count, SplittableRandom rng) {
        return new StayPlanner(device, places, rng).plan(count);
    }

    /**
     * Spreads the stays over the days of the device's period. Below scale 1 there are fewer than a full day's
     * worth per day, so they go to fewer days, each recorded in full (as when the app ran only some days).
     */
    private List<Stay> plan(long count) {
        LocalDate first = Times.localDate(device.window().start(), zone);
        int days = (int) ChronoUnit.DAYS.between(first, Times.localDate(device.window().end() - 1, zone)) + 1;
        double perDay = Math.max((double) count / days, device.type().staysPerDay);
        int recorded = (int) Math.min(days, Math.max(1, Math.ceil(count / perDay)));
        int[] order = new int[days];
        for (int d = 0; d < days; d++) {
            order[d] = d;
        }
        for (int k = 0; k < recorded; k++) {
            int pick = k + rng.nextInt(days - k);
            int day = order[pick];
            order[pick] = order[k];
            order[k] = day;
        }
        int[] chosen = Arrays.copyOf(order, recorded);
        Arrays.sort(chosen);
        List<Stay> stays = new ArrayList<>();
        for (int k = 0; k < recorded; k++) {
            long today = count / recorded + (k < count % recorded ? 1 : 0);
            if (today > 0) {
                day(first.plusDays(chosen[k]), (int) today, stays);
            }
        }
        return stays;
    }

    private void day(LocalDate date, int count, List<Stay> stays) {
        int extras = count >= 2 && rng.nextDouble() < EXTRA_SHARE ? 1 : 0;
        List<StayRole> roles = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        template(date, count - extras, roles, spans);
        jitter(spans);
        while (spans.size() < count - extras) {
            split(roles, spans);
        }
        List<Stay> today = new ArrayList<>();
        Place previous = null;
        for (int i = 0; i < spans.size(); i++) {
            boolean continued = i > 0 && roles.get(i) == roles.get(i - 1);
            Place place = continued ? previous : places.pick(roles.get(i), rng);
            previous = place;
            today.add(new Stay(at(date, spans.get(i)[0]), at(date, spans.get(i)[1]), place, roles.get(i), source()));
        }
        if (extras > 0) {
            Stay base = today.get(rng.nextInt(today.size()));
            long length = base.exit() - base.enter();
            today.add(new Stay(base.enter() + length / 5, base.enter() + length * 3 / 5, base.place(), base.role(),
                "vpn"));
        }
        stays.addAll(today);
    }

    private void template(LocalDate date, int count, List<StayRole> roles, List<int[]> spans) {
        boolean stationary = device.type() == DevType.PC
            || (device.type() == DevType.TABLET && rng.nextDouble() < 0.8);
        if (stationary) {
            add(roles, spans, StayRole.HOME, HOME_EVENING);
            return;
        }
        DayOfWeek day = date.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        if (weekend) {
            if (count >= 3) {
                add(roles, spans, StayRole.OUTING, MORNING_OUT);
            }
            if (count >= 2) {
                add(roles, spans, StayRole.OUTING, DAY_OUT);
            }
            if (count >= 4) {
                add(roles, spans, StayRole.EVENING, EVENING);
            }
        } else if (count == 2 || count == 3) {
            add(roles, spans, StayRole.WORK, WORK_FULL);
        } else if (count >= 4) {
            add(roles, spans, StayRole.WORK, WORK_AM);
            add(roles, spans, StayRole.LUNCH, LUNCH);
            add(roles, spans, StayRole.WORK, WORK_PM);
        }
        if (!weekend && (count == 3 || count >= 5)) {
            add(roles, spans, StayRole.EVENING, EVENING);
        }
        add(roles, spans, StayRole.HOME, HOME_NIGHT);
    }

    private static void add(List<StayRole> roles, List<int[]> spans, StayRole role, int[] minutes) {
        roles.add(role);
        spans.add(new int[] {minutes[0] * 60, minutes[1] * 60});
    }

    /** Moves every boundary by up to 15 minutes, keeping stays in order, 2 minutes apart, 10 minutes long. */
    private void jitter(List<int[]> spans) {
        int previousExit = Integer.MIN_VALUE;
        for (int[] span : spans) {
            span[0] += rng.nextInt(1800) - 900;
            span[1] += rng.nextInt(1800) - 900;
            span[0] = Math.max(span[0], previousExit + 120);
            span[1] = Math.max(span[1], span[0] + 600);
            previousExit = span[1];
        }
    }

    /** Cuts the longest stay in two around its middle, with a gap of two to four minutes. */
    private void split(List<StayRole> roles, List<int[]> spans) {
        int longest = 0;
        for (int i = 1; i < spans.size(); i++) {
            if (length(spans.get(i)) > length(spans.get(longest))) {
                longest = i;
            }
        }
        int[] span = spans.get(longest);
        int cut = span[0] + (int) (length(span) * Seeds.uniform(rng, 0.3, 0.7));
        int gap = Math.max(1, Math.min(120 + rng.nextInt(120), (span[1] - cut) / 2));
        spans.add(longest + 1, new int[] {cut + gap, span[1]});
        roles.add(longest + 1, roles.get(longest));
        span[1] = cut;
    }

    private static int length(int[] span) {
        return span[1] - span[0];
    }

    private long at(LocalDate date, int secondOfDay) {
        return date.atStartOfDay().plusSeconds(secondOfDay).atZone(zone).toEpochSecond() * Times.SECOND;
    }

    private String source() {
        return switch (device.type()) {
            case PHONE -> "moves";
            case TABLET -> "vpn";
            case LAPTOP, PC -> "hostview";
        };
    }
}
