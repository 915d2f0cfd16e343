package qoegraph.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
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
                if (v instanceof String s && values.stream().noneMatch(k -> matches(c.op(), s, k))) {
                    out.add(new ValueWarning(where, c.field(), s, closest(s, values)));
                }
            }
        });
    }

    /** Whether the filter value (or pattern) matches one known value, as the database compares them. */
    static boolean matches(Operator op, String value, String known) {
        return switch (op) {
            case CONTAINS -> known.contains(value);
            case STARTS_WITH -> known.startsWith(value);
            case ENDS_WITH -> known.endsWith(value);
            case LIKE -> like(value, false).matcher(known).matches();
            case ILIKE -> like(value, true).matcher(known).matches();
            default -> known.equals(value);
        };
    }

    /** A LIKE pattern as a regex: % any text, _ one character, the rest literal. */
    private static Pattern like(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.DOTALL : Pattern.DOTALL);
    }

    /**
     * The known values a person most likely meant: the one equal but for case when there is one, else up to
     * {@link #CLOSEST} within a few edits (or holding the value), nearest first.
     */
    static List<String> closest(String value, List<String> values) {
        List<String> sameButCase = values.stream().filter(k -> k.equalsIgnoreCase(value)).toList();
        if (!sameButCase.isEmpty()) {
            return sameButCase.stream().limit(CLOSEST).toList();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return values.stream()
                .filter(k -> Names.closest(value, List.of(k)).isPresent()
                        || !lower.isEmpty() && k.toLowerCase(Locale.ROOT).contains(lower))
                .sorted(Comparator.comparingInt((String k) -> Names.editDistance(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(CLOSEST).toList();
    }
}
