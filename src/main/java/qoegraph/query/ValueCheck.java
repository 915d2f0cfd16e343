package qoegraph.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Names;

/**
 * Finds the text filter values of a query that match none of the known values of a low-cardinality
 * ({@code categorical}) dimension, such as {@code isp: {eq: "Datch telecam"}}: the query is right to answer with no
 * rows, but the person most likely meant another value, so each one gets a {@link ValueWarning} with the closest
 * known values. Patterns (like, contains, ...) are checked the way the database matches them.
 */
public final class ValueCheck {
    /** How many closest known values a warning offers. */
    static final int CLOSEST = 3;
    /** Warnings one query gets at most: a long in-list of wrong values needs no more to be seen. */
    static final int MAX_WARNINGS = 20;
    /** Longer values get no suggestion: a typo is short, and the edit distance costs length x length. */
    static final int MAX_SUGGESTED_LENGTH = 100;
    private static final Set<Operator> CHECKED = Set.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NIN,
            Operator.LIKE, Operator.ILIKE, Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH);

    /** A filter value that matches no known value, where it is, and the known values closest to it. */
    public record ValueWarning(String path, String dimension, String value, List<String> closest) {
        public ValueWarning {
            closest = List.copyOf(closest);
        }

        public String message() {
            String hint = closest.isEmpty() ? "" : " (did you mean " + String.join(" or ",
                    closest.stream().map(c -> "'" + c + "'").toList()) + "?)";
            return "'" + value + "' matches no value of " + dimension + hint + "; catalog { datasets { dimensions {"
                    + " name values } } } lists them";
        }
    }

    private final Dataset dataset;
    private final Function<String, List<String>> known;

    /** @param known a categorical dimension's known values; null when they are not known */
    public ValueCheck(Dataset dataset, Function<String, List<String>> known) {
        this.dataset = dataset;
        this.known = known;
    }

    /** The categorical dimensions a query's row filters (its where and its metrics' own) compare text with. */
    public static List<String> checkedDimensions(Dataset dataset, Query query) {
        List<String> out = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        filters.add(query.where());
        query.metrics().forEach(m -> filters.add(m.where()));
        for (Filter f : filters) {
            for (String field : Filter.fields(f)) {
                boolean categorical = dataset.dimension(field).map(Dimension::categorical).orElse(false);
                if (categorical && !out.contains(field)) {
                    out.add(field);
                }
            }
        }
        return out;
    }

    public List<ValueWarning> check(Query query) {
        List<ValueWarning> out = new ArrayList<>();
        walk(query.where(), "where", out);
        query.metrics().forEach(m -> walk(m.where(), "metrics." + m.key() + ".where", out));
        return out;
    }

    /** The values one filter argument (a report's, say) compares with a dimension whose values are these. */
    public static List<ValueWarning> check(String path, String dimension, String value, List<String> values) {
        List<ValueWarning> out = new ArrayList<>();
        if (values != null && value != null && !values.contains(value)) {
            out.add(new ValueWarning(path, dimension, value, closest(value, values)));
        }
        return out;
    }

    private void walk(Filter filter, String path, List<ValueWarning> out) {
        Filter.walk(filter, path, (at, c) -> {
            boolean categorical = dataset.dimension(c.field()).map(Dimension::categorical).orElse(false);
            List<String> values = categorical && CHECKED.contains(c.op()) ? known.apply(c.field()) : null;
            if (values == null) {
                return;
            }
            String where = at + "." + c.field() + "." + c.op().apiName();
            for (Object v : c.value() instanceof List<?> list ? list : List.of(c.value())) {
                if (out.size() < MAX_WARNINGS && v instanceof String s && !matchesAny(c.op(), s, values)) {
                    out.add(new ValueWarning(where, c.field(), s, closest(s, values)));
                }
            }
        });
    }

    /** Whether the filter value (or pattern) matches one known value, as the database compares them. */
    static boolean matchesAny(Operator op, String value, List<String> known) {
        if (op == Operator.LIKE || op == Operator.ILIKE) {
            boolean ignoreCase = op == Operator.ILIKE;
            String pattern = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
            return known.stream().anyMatch(k -> like(pattern, ignoreCase ? k.toLowerCase(Locale.ROOT) : k));
        }
        return known.stream().anyMatch(k -> switch (op) {
            case CONTAINS -> k.contains(value);
            case STARTS_WITH -> k.startsWith(value);
            case ENDS_WITH -> k.endsWith(value);
            default -> k.equals(value);
        });
    }

    /**
     * SQL's LIKE: {@code %} any run of characters, {@code _} one, the rest itself; in time linear in the lengths'
     * product however many {@code %} a pattern has (a regex of them can take exponential time).
     */
    static boolean like(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '_' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '%') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '%') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * The known values a person most likely meant: the one equal but for case when there is one, else up to
     * {@link #CLOSEST} within a few edits (or holding the value), nearest first.
     */
    static List<String> closest(String value, List<String> values) {
        if (value.length() > MAX_SUGGESTED_LENGTH) {
            return List.of();
        }
        List<String> sameButCase = values.stream().filter(k -> k.equalsIgnoreCase(value)).toList();
        if (!sameButCase.isEmpty()) {
            return sameButCase.stream().limit(CLOSEST).toList();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return values.stream().filter(k -> k.length() <= MAX_SUGGESTED_LENGTH)
                .filter(k -> Names.closest(value, List.of(k)).isPresent()
                        || !lower.isEmpty() && k.toLowerCase(Locale.ROOT).contains(lower))
                .sorted(Comparator.comparingInt((String k) -> Names.editDistance(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(CLOSEST).toList();
    }
}
