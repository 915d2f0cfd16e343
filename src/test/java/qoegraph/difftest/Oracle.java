package qoegraph.difftest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import qoegraph.query.Filter;
import qoegraph.query.Operator;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;

/**
 * Answers a {@link Query} in plain Java over a {@link Table}: SQL's three-valued logic for filters, group
 * by with time buckets and parts computed with java.time in the query's zone, numeric buckets, the aggregates
 * of {@link Metrics} and having; {@link Shaping} then does top-N, windows and the order. It shares nothing
 * with the engine but the Query record. Columns are evaluated whole (filters as one byte
 * per row, dimensions dictionary-encoded, metric inputs as primitive arrays) so that hundreds of queries
 * over half a million rows take seconds.
 */
final class Oracle {
    static final Map<String, ZoneId> PARTICIPANT_ZONES = Map.of("fr", ZoneId.of("Europe/Paris"),
            "uk", ZoneId.of("Europe/London"));
    static final byte TRUE = 1;
    static final byte FALSE = 0;
    static final byte UNKNOWN = -1;

    final Table table;
    final Map<String, Metrics.Def> metrics;
    private final Map<String, Encoded> dimensions = new ConcurrentHashMap<>();
    private final Map<String, Input> inputs = new ConcurrentHashMap<>();

    Oracle(Table table, Map<String, Metrics.Def> metrics) {
        this.table = table;
        this.metrics = metrics;
    }

    /**
     * The rows a where filter keeps, grouped by the selected dimensions.
     *
     * @param groupOf each table row's group, -1 for rows the where filter drops
     * @param keys each group's dimension values
     */
    record Grouping(int[] groupOf, List<Object[]> keys, int matchedRows) {
        int groups() {
            return keys.size();
        }
    }

    /**
     * @param rows what the query returns before paging, in the order the API promises
     * @param orderRobust false when two neighbours' order rests on doubles so close that the engine's
     *        rounding may swap them
     * @param unstable why the values themselves may differ from the engine's for reasons of rounding alone
     *        (ranks or top-N cuts among nearly tied doubles); null when they must agree
     */
    record Answer(Grouping grouping, List<Map<String, Object>> rows, boolean orderRobust, String unstable) {
    }

    Answer answer(Query query) {
        return answer(query, group(query));
    }

    Grouping group(Query query) {
        byte[] keep = where(query.where());
        int matched = 0;
        int[] groupOf = new int[table.size];
        List<Encoded> dims = new ArrayList<>();
        for (SelectedDimension d : query.dimensions()) {
            dims.add(dimension(d, query.timezone()));
        }
        List<Object[]> keys = new ArrayList<>();
        long combinations = 1;
        for (Encoded e : dims) {
            combinations = Math.multiplyHigh(combinations, e.dictionary.length) == 0
                    ? combinations * e.dictionary.length : Long.MAX_VALUE;
        }
        // few combinations: a direct table from the combined code to the group; else a map
        int[] direct = combinations <= (1 << 22) ? new int[(int) combinations] : null;
        if (direct != null) {
            Arrays.fill(direct, -1);
        }
        Map<Long, Integer> ids = direct == null ? new HashMap<>() : null;
        for (int r = 0; r < table.size; r++) {
            if (keep[r] != TRUE) {
                groupOf[r] = -1;
                continue;
            }
            matched++;
            long code = 0;
            for (Encoded e : dims) {
                code = code * e.dictionary.length + e.codes[r];
            }
            int id = direct != null ? direct[(int) code] : ids.getOrDefault(code, -1);
            if (id < 0) {
                id = keys.size();
                if (direct != null) {
                    direct[(int) code] = id;
                } else {
                    ids.put(code, id);
                }
                Object[] key = new Object[dims.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = dims.get(i).dictionary[dims.get(i).codes[r]];
                }
                keys.add(key);
            }
            groupOf[r] = id;
        }
        if (dims.isEmpty() && keys.isEmpty()) {
            keys.add(new Object[0]); // only metrics: one row of totals, even over no rows
        }
        return new Grouping(groupOf, keys, matched);
    }

    Answer answer(Query query, Grouping grouping) {
        return new Shaping(this, query, grouping).answer();
    }

    // ---- dimensions ---------------------------------------------------------------------------------------

    /** A dimension's value per row as a code into a dictionary of distinct values (null is a value too). */
    record Encoded(int[] codes, Object[] dictionary) {
    }

    Encoded dimension(SelectedDimension d, String timezone) {
        boolean time = table.column(d.name()).kind() == Table.Kind.TIME;
        String cacheKey = d.name() + "|" + d.granularity() + "|" + d.part() + "|" + d.bucketWidth() + "|" + d.logBase()
                + (time ? "|" + timezone : "");
        return dimensions.computeIfAbsent(cacheKey, k -> encode(values(d, timezone)));
    }

    private static Encoded encode(Object[] values) {
        Map<Object, Integer> codes = new HashMap<>();
        List<Object> dictionary = new ArrayList<>();
        int[] out = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            Integer code = codes.get(values[r]);
            if (code == null) {
                code = dictionary.size();
                codes.put(values[r], code);
                dictionary.add(values[r]);
            }
            out[r] = code;
        }
        return new Encoded(out, dictionary.toArray());
    }

    private Object[] values(SelectedDimension d, String timezone) {
        Table.Column column = table.column(d.name());
        Object[] raw = column.values();
        Object[] out = new Object[table.size];
        if (d.bucketWidth() != null || d.logBase() != null) {
            for (int r = 0; r < out.length; r++) {
                out[r] = raw[r] == null ? null : bucket(((Number) raw[r]).doubleValue(), d, column.kind());
            }
            return out;
        }
        if (column.kind() != Table.Kind.TIME) {
            return raw;
        }
        boolean participant = Query.PARTICIPANT.equals(timezone);
        Object[] who = participant ? table.column(table.participantDimension).values() : null;
        ZoneId fixed = participant ? null : ZoneId.of(timezone);
        for (int r = 0; r < out.length; r++) {
            LocalDateTime utc = (LocalDateTime) raw[r];
            if (utc != null) {
                out[r] = time(utc, participant ? participantZone((String) who[r]) : fixed, d);
            }
        }
        return out;
    }

    private static ZoneId participantZone(String country) {
        ZoneId zone = country == null ? null : PARTICIPANT_ZONES.get(country);
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /** The bucket's lower bound: floor(x / w) * w, or the power of the base at or below x (0 for x <= 0). */
    private static Object bucket(double x, SelectedDimension d, Table.Kind kind) {
        double lower;
        if (d.bucketWidth() != null) {
            lower = Math.floor(x / d.bucketWidth()) * d.bucketWidth();
        } else {
            lower = x > 0 ? power(d.logBase(), (int) Math.floor(Math.log(x) / Math.log(d.logBase()) + 1e-9)) : 0;
        }
        switch (kind) {
            case INT: return (int) Math.floor(lower);
            case LONG: return (long) Math.floor(lower);
            default: return lower;
        }
    }

    /** base^k correctly rounded (as C's pow is; Math.pow may be an ulp off for bases like 1.5). */
    static double power(double base, int k) {
        BigDecimal exact = new BigDecimal(base).pow(Math.abs(k));
        return k >= 0 ? exact.doubleValue() : BigDecimal.ONE.divide(exact, new MathContext(60)).doubleValue();
    }

    /**
     * A naive UTC time in a zone: the time itself, its part, or the start of its bucket. In one zone times
     * are instants shown with the zone's offset; a sub-day bucket keeps the offset it started with (the two
     * 01:00 hours of a fall-back night stay two), longer ones start at the local midnight. In participants' zones
     * each row is so in its participant's zone, with that zone's offset: buckets of two offsets are two groups.
     */
    private static Object time(LocalDateTime utc, ZoneId zone, SelectedDimension d) {
        ZonedDateTime at = utc.atZone(ZoneOffset.UTC).withZoneSameInstant(zone);
        if (d.part() != null) {
            switch (d.part()) {
                case HOUR_OF_DAY: return at.getHour();
                case DAY_OF_WEEK: return at.getDayOfWeek().getValue();
                default: return at.getMonthValue();
            }
        }
        if (d.granularity() == null) {
            return at.toOffsetDateTime();
        }
        switch (d.granularity()) {
            case MINUTE: return at.truncatedTo(ChronoUnit.MINUTES).toOffsetDateTime();
            case HOUR: return at.truncatedTo(ChronoUnit.HOURS).toOffsetDateTime();
            default: return firstDay(at.toLocalDate(), d).atStartOfDay(zone).toOffsetDateTime();
        }
    }

    private static LocalDate firstDay(LocalDate day, SelectedDimension d) {
        switch (d.granularity()) {
            case DAY: return day;
            case WEEK: return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH: return day.withDayOfMonth(1);
            case QUARTER: return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR: return day.withDayOfYear(1);
            default: throw new IllegalArgumentException(d.granularity().toString());
        }
    }

    // ---- filters, in SQL's three-valued logic ----------------------------------------------------------------

    /** TRUE, FALSE or UNKNOWN per row; a null filter keeps every row. */
    byte[] where(Filter filter) {
        if (filter == null) {
            byte[] all = new byte[table.size];
            Arrays.fill(all, TRUE);
            return all;
        }
        if (filter instanceof Filter.And and) {
            byte[] out = new byte[table.size];
            Arrays.fill(out, TRUE);
            for (Filter f : and.filters()) {
                byte[] part = where(f);
                for (int r = 0; r < out.length; r++) {
                    out[r] = and(out[r], part[r]);
                }
            }
            return out;
        }
        if (filter instanceof Filter.Or or) {
            byte[] out = new byte[table.size];
            Arrays.fill(out, FALSE);
            for (Filter f : or.filters()) {
                byte[] part = where(f);
                for (int r = 0; r < out.length; r++) {
                    out[r] = or(out[r], part[r]);
                }
            }
            return out;
        }
        if (filter instanceof Filter.Not not) {
            byte[] out = where(not.filter());
            for (int r = 0; r < out.length; r++) {
                out[r] = not(out[r]);
            }
            return out;
        }
        Filter.Compare c = (Filter.Compare) filter;
        Table.Column column = table.column(c.field());
        Test test = test(c, column.kind() == Table.Kind.TIME);
        Object[] values = column.values();
        byte[] out = new byte[table.size];
        Encoded encoded = dimensions.computeIfAbsent("raw|" + c.field(), k -> encode(values));
        if (encoded.dictionary().length < table.size / 8) {
            byte[] lookup = new byte[encoded.dictionary().length]; // few distinct values: test each once
            for (int i = 0; i < lookup.length; i++) {
                lookup[i] = test.at(encoded.dictionary()[i]);
            }
            int[] codes = encoded.codes();
            for (int r = 0; r < out.length; r++) {
                out[r] = lookup[codes[r]];
            }
            return out;
        }
        for (int r = 0; r < out.length; r++) {
            out[r] = test.at(values[r]);
        }
        return out;
    }

    static byte and(byte a, byte b) {
        return a == FALSE || b == FALSE ? FALSE : a == TRUE && b == TRUE ? TRUE : UNKNOWN;
    }

    static byte or(byte a, byte b) {
        return a == TRUE || b == TRUE ? TRUE : a == FALSE && b == FALSE ? FALSE : UNKNOWN;
    }

    static byte not(byte a) {
        return a == UNKNOWN ? UNKNOWN : a == TRUE ? FALSE : TRUE;
    }

    private static byte of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** A comparison with its values prepared once, applied to a stored value (times naive UTC). */
    interface Test {
        byte at(Object x);
    }

    static Test test(Filter.Compare c, boolean time) {
        Object v = c.value();
        switch (c.op()) {
            case IS_NULL: {
                boolean wanted = (Boolean) v;
                return x -> of((x == null) == wanted);
            }
            case IN: case NIN: {
                List<Target> list = ((List<?>) v).stream().map(e -> target(e, time)).toList();
                boolean in = c.op() == Operator.IN;
                if (list.isEmpty()) {
                    return x -> of(!in);
                }
                return x -> {
                    if (x == null) {
                        return UNKNOWN;
                    }
                    boolean found = false;
                    for (Target t : list) {
                        found |= t.compare(x) == 0;
                    }
                    return of(found == in);
                };
            }
            case BETWEEN: case IN_RANGE: {
                Target low = target(((List<?>) v).get(0), time);
                Target high = target(((List<?>) v).get(1), time);
                boolean closed = c.op() == Operator.BETWEEN;
                return x -> x == null ? UNKNOWN
                        : of(low.compare(x) >= 0 && (closed ? high.compare(x) <= 0 : high.compare(x) < 0));
            }
            case LIKE: case ILIKE: {
                Pattern p = like((String) v, c.op() == Operator.ILIKE);
                return x -> x == null ? UNKNOWN : of(p.matcher((String) x).matches());
            }
            case CONTAINS: return x -> x == null ? UNKNOWN : x instanceof List<?> list ? of(listContains(list, v))
                    : of(((String) x).contains((String) v));
            case STARTS_WITH: return x -> x == null ? UNKNOWN : of(((String) x).startsWith((String) v));
            case ENDS_WITH: return x -> x == null ? UNKNOWN : of(((String) x).endsWith((String) v));
            default:
                break;
        }
        Target t = target(v, time);
        switch (c.op()) {
            case EQ: return x -> x == null ? UNKNOWN : of(t.compare(x) == 0);
            case NEQ: return x -> x == null ? UNKNOWN : of(t.compare(x) != 0);
            case GT: return x -> x == null ? UNKNOWN : of(t.compare(x) > 0);
            case GTE: return x -> x == null ? UNKNOWN : of(t.compare(x) >= 0);
            case LT: return x -> x == null ? UNKNOWN : of(t.compare(x) < 0);
            case LTE: return x -> x == null ? UNKNOWN : of(t.compare(x) <= 0);
            default: throw new IllegalArgumentException("no oracle for " + c.op());
        }
    }

    /** Whether a list has an element equal to the value (numbers as numbers). */
    static boolean listContains(List<?> list, Object v) {
        for (Object e : list) {
            boolean equal = e instanceof Number n ? v instanceof Number m && compareNumbers(n, m) == 0 : e.equals(v);
            if (e != null && equal) {
                return true;
            }
        }
        return false;
    }

    /** A filter value, ready to compare stored values with: {@code compare(x)} is the sign of x - value. */
    interface Target {
        int compare(Object x);
    }

    static Target target(Object v, boolean time) {
        if (time) {
            LocalDateTime u = utc(v);
            return x -> ((LocalDateTime) x).compareTo(u);
        }
        if (v instanceof Number n) {
            return x -> compareNumbers((Number) x, n);
        }
        if (v instanceof String s) {
            // an identifier (ID) is filtered with the digits the API sent out; text columns compare as text
            return x -> x instanceof Number number ? compareNumbers(number, Long.valueOf(s)) : ((String) x).compareTo(s);
        }
        Boolean b = (Boolean) v;
        return x -> Boolean.compare((Boolean) x, b);
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** SQL LIKE: % any run, _ any one character, everything else literal (no escape character). */
    static Pattern like(String pattern, boolean ignoreCase) {
        return PATTERNS.computeIfAbsent(ignoreCase + pattern, k -> {
            StringBuilder regex = new StringBuilder();
            for (char ch : pattern.toCharArray()) {
                if (ch == '%') {
                    regex.append(".*");
                } else if (ch == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(ch)));
                }
            }
            int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return Pattern.compile(regex.toString(), Pattern.DOTALL | flags);
        });
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** Numbers as the real numbers they stand for (a long and a double compare exactly). */
    static int compareNumbers(Number a, Number b) {
        boolean ia = integral(a);
        boolean ib = integral(b);
        if (ia && ib) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (!ia && !ib) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        long l = ia ? a.longValue() : b.longValue();
        if (Math.abs(l) < (1L << 53)) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        BigDecimal x = ia ? BigDecimal.valueOf(l) : new BigDecimal(a.doubleValue());
        BigDecimal y = ib ? BigDecimal.valueOf(l) : new BigDecimal(b.doubleValue());
        return x.compareTo(y);
    }

    /** A filter's time value as naive UTC: offsets converted, naive values and dates taken as UTC. */
    static LocalDateTime utc(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime t) {
            return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        }
        if (v instanceof ZonedDateTime t) {
            return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        }
        if (v instanceof Instant t) {
            return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        String s = v.toString();
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return LocalDateTime.ofInstant(OffsetDateTime.parse(s).toInstant(), ZoneOffset.UTC);
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay();
        }
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    // ---- metrics ---------------------------------------------------------------------------------------------

    /** A metric's input per row, computed once: longs when the values are integral, else doubles. */
    private static final class Input {
        final boolean[] present;
        final long[] longs;
        final double[] doubles;
        final boolean integral;
        private int[] ascending;

        Input(boolean[] present, long[] longs, double[] doubles, boolean integral) {
            this.present = present;
            this.longs = longs;
            this.doubles = doubles;
            this.integral = integral;
        }

        boolean[] present() {
            return present;
        }

        long[] longs() {
            return longs;
        }

        double[] doubles() {
            return doubles;
        }

        boolean integral() {
            return integral;
        }

        /** The rows with a value, in ascending value order (a counting sort on each value's rank). */
        synchronized int[] ascending() {
            if (ascending == null) {
                int n = 0;
                for (boolean p : present) {
                    n += p ? 1 : 0;
                }
                double[] sorted = new double[n];
                for (int r = 0, i = 0; r < present.length; r++) {
                    if (present[r]) {
                        sorted[i++] = doubles[r];
                    }
                }
                Arrays.sort(sorted);
                int[] start = new int[n + 1];
                int[] rank = new int[present.length];
                for (int r = 0; r < present.length; r++) {
                    if (present[r]) {
                        rank[r] = Arrays.binarySearch(sorted, doubles[r]);
                        start[rank[r] + 1]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    start[i + 1] += start[i];
                }
                ascending = new int[n];
                for (int r = 0; r < present.length; r++) {
                    if (present[r]) {
                        ascending[start[rank[r]]++] = r;
                    }
                }
            }
            return ascending;
        }
    }

    private Input input(String name, java.util.function.IntFunction<Number> value) {
        return inputs.computeIfAbsent(name, k -> {
            boolean[] present = new boolean[table.size];
            Number[] values = new Number[table.size];
            boolean integral = true;
            for (int r = 0; r < values.length; r++) {
                values[r] = value.apply(r);
                present[r] = values[r] != null;
                integral &= values[r] == null || integral(values[r]);
            }
            long[] longs = integral ? new long[values.length] : null;
            double[] doubles = new double[values.length];
            for (int r = 0; r < values.length; r++) {
                if (present[r]) {
                    doubles[r] = values[r].doubleValue();
                    if (integral) {
                        longs[r] = values[r].longValue();
                    }
                }
            }
            return new Input(present, longs, doubles, integral);
        });
    }

    /** A metric's value per group. */
    Object[] metric(String name, Double q, Grouping grouping) {
        Metrics.Def def = metrics.get(name);
        if (def == null) {
            throw new IllegalArgumentException("oracle has no metric " + name);
        }
        int[] groupOf = grouping.groupOf();
        int groups = grouping.groups();
        Metrics.Agg agg = def.agg();
        Object[] out = new Object[groups];
        if (agg instanceof Metrics.Count || agg instanceof Metrics.CountIf) {
            java.util.function.IntPredicate test = agg instanceof Metrics.CountIf c ? c.test() : r -> true;
            long[] n = new long[groups];
            for (int r = 0; r < groupOf.length; r++) {
                if (groupOf[r] >= 0 && test.test(r)) {
                    n[groupOf[r]]++;
                }
            }
            for (int g = 0; g < groups; g++) {
                out[g] = n[g];
            }
            return out;
        }
        if (agg instanceof Metrics.Ratio ratio) {
            Object[] num = metric(ratio.numerator(), null, grouping);
            Object[] den = metric(ratio.denominator(), null, grouping);
            for (int g = 0; g < groups; g++) {
                boolean none = num[g] == null || den[g] == null || ((Number) den[g]).doubleValue() == 0;
                out[g] = none ? null : ((Number) num[g]).doubleValue() / ((Number) den[g]).doubleValue();
            }
            return out;
        }
        if (agg instanceof Metrics.CountDistinct d) {
            List<Set<Object>> sets = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                sets.add(new HashSet<>());
            }
            for (int r = 0; r < groupOf.length; r++) {
                Object v = groupOf[r] >= 0 ? d.value().apply(r) : null;
                if (v != null) {
                    sets.get(groupOf[r]).add(v);
                }
            }
            for (int g = 0; g < groups; g++) {
                out[g] = (long) sets.get(g).size();
            }
            return out;
        }
        Input in = input(name, valueOf(agg));
        long[] n = new long[groups];
        for (int r = 0; r < groupOf.length; r++) {
            if (groupOf[r] >= 0 && in.present()[r]) {
                n[groupOf[r]]++;
            }
        }
        if (agg instanceof Metrics.Sum || agg instanceof Metrics.Avg || agg instanceof Metrics.Stddev) {
            return sums(agg, in, groupOf, n);
        }
        if (agg instanceof Metrics.Min || agg instanceof Metrics.Max) {
            return extreme(agg, in, groupOf, n);
        }
        return quantiles(((Metrics.Quantile) agg).q() != null ? ((Metrics.Quantile) agg).q() : q, in, groupOf, n);
    }

    private static java.util.function.IntFunction<Number> valueOf(Metrics.Agg agg) {
        if (agg instanceof Metrics.Sum s) {
            return s.value();
        }
        if (agg instanceof Metrics.Avg a) {
            return a.value();
        }
        if (agg instanceof Metrics.Min m) {
            return m.value();
        }
        if (agg instanceof Metrics.Max m) {
            return m.value();
        }
        if (agg instanceof Metrics.Stddev s) {
            return s.value();
        }
        return ((Metrics.Quantile) agg).value();
    }

    /** Sums (exact for longs, compensated for doubles), means, and sample standard deviations (two passes). */
    private static Object[] sums(Metrics.Agg agg, Input in, int[] groupOf, long[] n) {
        int groups = n.length;
        long[] longSum = new long[groups];
        double[] sum = new double[groups];
        double[] compensation = new double[groups];
        for (int r = 0; r < groupOf.length; r++) {
            int g = groupOf[r];
            if (g >= 0 && in.present()[r]) {
                if (in.integral()) {
                    longSum[g] = Math.addExact(longSum[g], in.longs()[r]);
                } else {
                    double t = sum[g] + in.doubles()[r];
                    double v = in.doubles()[r];
                    compensation[g] += Math.abs(sum[g]) >= Math.abs(v) ? (sum[g] - t) + v : (v - t) + sum[g];
                    sum[g] = t;
                }
            }
        }
        double[] mean = new double[groups];
        Object[] out = new Object[groups];
        for (int g = 0; g < groups; g++) {
            if (n[g] == 0) {
                continue;
            }
            mean[g] = in.integral()
                    ? new BigDecimal(longSum[g]).divide(new BigDecimal(n[g]), MathContext.DECIMAL128).doubleValue()
                    : (sum[g] + compensation[g]) / n[g];
            if (agg instanceof Metrics.Sum s) {
                out[g] = s.integral() ? (Object) longSum[g] : (Object) (sum[g] + compensation[g]);
            } else {
                out[g] = mean[g];
            }
        }
        if (!(agg instanceof Metrics.Stddev)) {
            return out;
        }
        double[] squares = new double[groups];
        double[] squaresCompensation = new double[groups];
        for (int r = 0; r < groupOf.length; r++) {
            int g = groupOf[r];
            if (g >= 0 && in.present()[r]) {
                double d = in.doubles()[r] - mean[g];
                double v = d * d;
                double t = squares[g] + v;
                squaresCompensation[g] += Math.abs(squares[g]) >= v ? (squares[g] - t) + v : (v - t) + squares[g];
                squares[g] = t;
            }
        }
        for (int g = 0; g < groups; g++) {
            out[g] = n[g] < 2 ? null : Math.sqrt((squares[g] + squaresCompensation[g]) / (n[g] - 1));
        }
        return out;
    }

    private static Object[] extreme(Metrics.Agg agg, Input in, int[] groupOf, long[] n) {
        boolean max = agg instanceof Metrics.Max;
        Table.Kind kind = max ? ((Metrics.Max) agg).kind() : ((Metrics.Min) agg).kind();
        int[] best = new int[n.length];
        Arrays.fill(best, -1);
        for (int r = 0; r < groupOf.length; r++) {
            int g = groupOf[r];
            if (g < 0 || !in.present()[r]) {
                continue;
            }
            if (best[g] < 0) {
                best[g] = r;
                continue;
            }
            int c = in.integral() ? Long.compare(in.longs()[r], in.longs()[best[g]])
                    : Double.compare(in.doubles()[r], in.doubles()[best[g]]);
            if (max ? c > 0 : c < 0) {
                best[g] = r;
            }
        }
        Object[] out = new Object[n.length];
        for (int g = 0; g < n.length; g++) {
            if (best[g] >= 0) {
                int r = best[g];
                out[g] = kind == Table.Kind.INT ? (Object) (int) in.longs()[r]
                        : kind == Table.Kind.LONG ? (Object) in.longs()[r] : (Object) in.doubles()[r];
            }
        }
        return out;
    }

    /** Continuous quantile: position q (n - 1) in the sorted values, linear between its two neighbours. */
    private static Object[] quantiles(double q, Input in, int[] groupOf, long[] n) {
        int groups = n.length;
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + (int) n[g];
        }
        int[] fill = Arrays.copyOf(start, groups);
        double[] sorted = new double[start[groups]];
        for (int r : in.ascending()) { // rows in value order, so each group's values arrive sorted
            int g = groupOf[r];
            if (g >= 0) {
                sorted[fill[g]++] = in.doubles()[r];
            }
        }
        Object[] out = new Object[groups];
        for (int g = 0; g < groups; g++) {
            if (n[g] == 0) {
                continue;
            }
            double position = q * (n[g] - 1);
            int lo = (int) Math.floor(position);
            int hi = (int) Math.ceil(position);
            double a = sorted[start[g] + lo];
            double b = sorted[start[g] + hi];
            out[g] = a + (position - lo) * (b - a);
        }
        return out;
    }

    /** A compensated sum, so the oracle's sums are as exact as a double can hold. */
    static double neumaier(double[] values) {
        double sum = 0;
        double compensation = 0;
        for (double v : values) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    // ---- having ------------------------------------------------------------------------------------------

    /** The metric a having field names: a selected metric's output key (with its q), else a dataset metric. */
    static SelectedMetric havingMetric(Query query, String field) {
        return query.metricByKey(field).orElse(SelectedMetric.metric(field));
    }

    /** Which groups the having filter keeps. */
    boolean[] havingKeeps(Query query, Grouping grouping) {
        boolean[] keep = new boolean[grouping.groups()];
        if (query.having() == null) {
            Arrays.fill(keep, true);
            return keep;
        }
        Map<String, Object[]> values = new HashMap<>();
        collectHaving(query.having(), query, grouping, values);
        for (int g = 0; g < keep.length; g++) {
            keep[g] = having(query.having(), values, g) == TRUE;
        }
        return keep;
    }

    private void collectHaving(Filter f, Query query, Grouping grouping, Map<String, Object[]> values) {
        if (f instanceof Filter.And and) {
            and.filters().forEach(c -> collectHaving(c, query, grouping, values));
        } else if (f instanceof Filter.Or or) {
            or.filters().forEach(c -> collectHaving(c, query, grouping, values));
        } else if (f instanceof Filter.Not not) {
            collectHaving(not.filter(), query, grouping, values);
        } else {
            String field = ((Filter.Compare) f).field();
            SelectedMetric m = havingMetric(query, field);
            values.computeIfAbsent(field, k -> metric(m.name(), m.q(), grouping));
        }
    }

    private byte having(Filter f, Map<String, Object[]> values, int group) {
        if (f instanceof Filter.And and) {
            byte result = TRUE;
            for (Filter c : and.filters()) {
                result = and(result, having(c, values, group));
            }
            return result;
        }
        if (f instanceof Filter.Or or) {
            byte result = FALSE;
            for (Filter c : or.filters()) {
                result = or(result, having(c, values, group));
            }
            return result;
        }
        if (f instanceof Filter.Not not) {
            return not(having(not.filter(), values, group));
        }
        Filter.Compare c = (Filter.Compare) f;
        return test(c, false).at(values.get(c.field())[group]);
    }

}
