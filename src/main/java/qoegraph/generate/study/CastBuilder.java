package qoegraph.generate.study;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the participants and their devices: 11 French and 14 British users, 6 + 8 heavy ones, 3 idle French
 * ones, three families sharing one device each, 44 personal devices (27 of them the heavy users').
 * Users are numbered in the order they registered.
 */
final class CastBuilder {

    static final LocalDate FIRST_DAY = LocalDate.of(StudyFigures.STUDY_YEAR, StudyFigures.STUDY_FIRST_MONTH, 2);
    static final LocalDate LAST_DAY = LocalDate.of(StudyFigures.STUDY_YEAR, StudyFigures.STUDY_LAST_MONTH, 29);
    private static final int STUDY_DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY);

    private static final String[] FR_NAMES = {"camille", "julien", "manon", "thomas", "lea", "nicolas", "chloe",
        "antoine", "sophie", "maxime", "emma", "lucas", "ines", "hugo"};
    private static final String[] UK_NAMES = {"oliver", "amelia", "harry", "isla", "jack", "emily", "george", "ava",
        "charlie", "mia", "jacob", "grace", "james", "ella", "alfie", "poppy"};
    private static final String[] FR_FAMILIES = {"martin", "bernard", "dubois", "durand", "leroy", "moreau",
        "simon", "laurent", "lefebvre", "michel", "garcia", "roux", "fournier"};
    private static final String[] UK_FAMILIES = {"smith", "jones", "taylor", "brown", "williams", "wilson",
        "johnson", "davies", "robinson", "wright", "thompson", "evans", "walker", "white", "hughes", "green"};

    private final SplittableRandom rng;
    private final List<UserDraft> drafts = new ArrayList<>();
    private final List<List<UserDraft>> families = new ArrayList<>();

    private CastBuilder(long seed) {
        this.rng = Seeds.rng(seed, Seeds.CAST);
    }

    static Cast build(long seed) {
        return new CastBuilder(seed).build();
    }

    private Cast build() {
        addUsers(Country.FR, StudyFigures.HEAVY_FR_GB, StudyFigures.LIGHT_FR_GB, StudyFigures.IDLE_USERS_FR);
        addUsers(Country.UK, StudyFigures.HEAVY_UK_GB, StudyFigures.LIGHT_UK_GB, 0);
        rescaleHeavyBytes();
        assignSpans();
        formFamily(Country.FR, 2);
        formFamily(Country.UK, 2);
        formFamily(Country.UK, 3);
        assignNames();
        assignStarts();
        drafts.sort(Comparator.comparingLong(d -> d.registered));
        List<User> users = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            users.add(drafts.get(i).toUser(i + 1));
        }
        return new Cast(users, DeviceKits.devices(users, drafts, families, rng));
    }

    private void addUsers(Country country, double[] heavyGb, double[] lightGb, int idle) {
        for (double gb : heavyGb) {
            drafts.add(new UserDraft(country, UsageLevel.HEAVY, gb * 1e9));
        }
        for (double gb : lightGb) {
            drafts.add(new UserDraft(country, UsageLevel.LIGHT, gb * 1e9));
        }
        for (int i = 0; i < idle; i++) {
            drafts.add(new UserDraft(country, UsageLevel.IDLE, 0));
        }
    }

    private void rescaleHeavyBytes() {
        double heavy = drafts.stream().filter(d -> d.usage == UsageLevel.HEAVY).mapToDouble(d -> d.bytes).sum();
        for (UserDraft draft : drafts) {
            if (draft.usage == UsageLevel.HEAVY) {
                draft.bytes *= StudyFigures.HEAVY_BYTES / heavy;
            }
        }
    }

    private void assignSpans() {
        List<Double> spans = new ArrayList<>();
        Arrays.stream(StudyFigures.SPAN_DAYS).forEach(spans::add);
        shuffle(spans);
        int next = 0;
        for (UserDraft draft : drafts) {
            if (draft.usage != UsageLevel.IDLE) {
                draft.span = spans.get(next++);
            }
        }
    }

    /** Family members share a family name, a start date and a device; they are users with long enough spans. */
    private void formFamily(Country country, int size) {
        List<UserDraft> candidates = new ArrayList<>();
        for (UserDraft draft : drafts) {
            if (draft.country == country && draft.usage != UsageLevel.IDLE && draft.family < 0 && draft.span >= 20) {
                candidates.add(draft);
            }
        }
        shuffle(candidates);
        List<UserDraft> family = new ArrayList<>(candidates.subList(0, size));
        family.forEach(d -> d.family = families.size());
        families.add(family);
    }

    private void assignNames() {
        List<String> frNames = shuffled(FR_NAMES);
        List<String> ukNames = shuffled(UK_NAMES);
        List<String> frFamilies = shuffled(FR_FAMILIES);
        List<String> ukFamilies = shuffled(UK_FAMILIES);
        for (UserDraft draft : drafts) {
            boolean fr = draft.country == Country.FR;
            draft.username = (fr ? frNames : ukNames).remove(0);
            draft.familyname = (fr ? frFamilies : ukFamilies).remove(0);
        }
        for (List<UserDraft> family : families) {
            family.forEach(d -> d.familyname = family.get(0).familyname);
        }
    }

    /**
     * Start dates spread over March to November; per country one user starts in the first days of March and
     * another ends in the last days of November, so both sides of both 2015 clock changes are covered.
     */
    private void assignStarts() {
        for (UserDraft draft : drafts) {
            draft.startDay = rng.nextInt(latestStart(draft.span) + 1);
        }
        for (List<UserDraft> family : families) {
            double longest = family.stream().mapToDouble(d -> d.span).max().orElse(0);
            int day = rng.nextInt(latestStart(longest) + 1);
            family.forEach(d -> d.startDay = day);
        }
        for (Country country : Country.values()) {
            List<UserDraft> loners = new ArrayList<>();
            for (UserDraft draft : drafts) {
                if (draft.country == country && draft.usage != UsageLevel.IDLE && draft.family < 0) {
                    loners.add(draft);
                }
            }
            shuffle(loners);
            loners.get(0).startDay = rng.nextInt(5);
            loners.get(1).startDay = latestStart(loners.get(1).span) - rng.nextInt(4);
        }
        for (UserDraft draft : drafts) {
            int minute = 7 * 60 + rng.nextInt(3 * 60);
            draft.start = Times.micros(FIRST_DAY.plusDays(draft.startDay), minute, draft.country.zone)
                + rng.nextLong(Times.MINUTE) / Times.SECOND * Times.SECOND;
            draft.registered = draft.start - (5 * Times.MINUTE + rng.nextLong(3 * Times.HOUR)) / Times.SECOND
                * Times.SECOND;
        }
    }

    private static int latestStart(double span) {
        return STUDY_DAYS - (int) Math.ceil(span);
    }

    private List<String> shuffled(String[] values) {
        List<String> list = new ArrayList<>(Arrays.asList(values));
        shuffle(list);
        return list;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    /** A user while the cast is drawn. */
    static final class UserDraft {
        final Country country;
        final UsageLevel usage;
        double bytes;
        double span = 1;
        int family = -1;
        int startDay;
        long start;
        long registered;
        String username;
        String familyname;

        UserDraft(Country country, UsageLevel usage, double bytes) {
            this.country = country;
            this.usage = usage;
            this.bytes = bytes;
        }

        User toUser(int id) {
            TimeSpan window = new TimeSpan(start, start + (long) (span * Times.DAY));
            return new User(id, username, familyname, registered, country, usage, window, bytes);
        }
    }
}
