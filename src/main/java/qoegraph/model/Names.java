package qoegraph.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for model and query errors. The same name in other case ({@code p2pshare} for
 * {@code p2pShare}) wins; then an abbreviation (the name's letters in order, same first letter: {@code cnt} for
 * {@code count}) over a mere small edit distance ({@code cdn}); among equals the closest by edit distance.
 */
public final class Names {
    private Names() {
    }

    /** The candidate closest to {@code name}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> isClose(lower, c.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparing((String c) -> !c.equalsIgnoreCase(name))
                        .thenComparing(c -> !abbreviates(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code " (did you mean 'x'?)"}, or an empty string when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    private static boolean isClose(String name, String candidate) {
        boolean prefix = Math.min(name.length(), candidate.length()) >= 3
                && (name.startsWith(candidate) || candidate.startsWith(name));
        return prefix || abbreviates(name, candidate) || distance(name, candidate) <= Math.max(2, name.length() / 3);
    }

    /** {@code name} is {@code candidate} with letters left out: same first letter, the rest in order. */
    static boolean abbreviates(String name, String candidate) {
        if (name.length() < 2 || name.length() >= candidate.length() || name.charAt(0) != candidate.charAt(0)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < candidate.length() && at < name.length(); i++) {
            if (candidate.charAt(i) == name.charAt(at)) {
                at++;
            }
        }
        return at == name.length();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
