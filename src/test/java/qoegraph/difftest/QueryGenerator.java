package qoegraph.difftest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import qoegraph.model.Dimension;
import qoegraph.model.FieldType;
import qoegraph.model.ModelLoader;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Granularity;
import qoegraph.query.Operator;
import qoegraph.query.OrderBy;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * Random queries over one dataset: subsets of dimensions (plain, numeric buckets, time granularities and
 * parts), subsets of metrics (quantiles with random q), nested where filters whose values are sampled from
 * the rows so that they select something, having thresholds sampled from the groups, order and paging.
 * Every choice comes from one SplittableRandom, so a seed gives the same queries.
 */
final class QueryGenerator {
    /** Results bigger than this are drawn again: they would test little more and cost a lot. */
    static final int MAX_GROUPS = 20_000;
    static final int MAX_LIMIT = 100_000;


    /** What can be asked of one dataset. */
    record Spec(String dataset, GeneratedData.Engine engine, Table table, Oracle oracle, List<String> plainDimensions,
                Map<String, List<Double>> widths, Map<String, List<Double>> logBases, String time,
                List<String> filterable, List<String> zones, RollupProfile rollup) {
    }

    /**
     * What a rollup of the dataset keeps (its time column by the hour): a share of the queries keeps to it,
     * so that the planner answers them from the rollup and that path meets the oracle too.
     */
    record RollupProfile(List<String> dimensions, List<String> metrics) {
    }

    private final Spec spec;
    private final SplittableRandom random;
    /** The rollup the query being drawn keeps to; null for any query. */
    private RollupProfile rollup;

    QueryGenerator(Spec spec, long seed) {
        this.spec = spec;
        this.random = new SplittableRandom(seed);
        this.ids = ModelLoader.load(GeneratedData.MODEL_DIR).dataset(spec.dataset()).orElseThrow().dimensions().values()
                .stream().filter(d -> d.type() == FieldType.ID).map(Dimension::name).collect(Collectors.toSet());
    }

    /** The dataset's identifier dimensions (ID): filtered with whole numbers or their digits, never a fraction. */
    private final Set<String> ids;

    /** A query and the oracle's answer to it. */
    record Case(Query query, Oracle.Answer expected) {
    }

    Case next() {
        for (int attempt = 0; ; attempt++) {
            rollup = spec.rollup() != null && random.nextInt(100) < 30 ? spec.rollup() : null;
            Query.Builder q = Query.newQuery(spec.dataset()).limit(MAX_LIMIT);
            q.timezone(pick(spec.zones()));
            Set<String> keys = new HashSet<>();
            int dims = pickWeighted(15, 35, 35, 15);
            for (int i = 0; i < dims; i++) {
                q.dimension(dimension(keys));
            }
            int metrics = random.nextInt(6);
            if (metrics == 0 && dims == 0) {
                metrics = 1;
            }
            List<SelectedDimension> chosen = q.build().dimensions();
            for (int i = 0; i < metrics; i++) {
                q.metric(metric(keys, chosen));
            }
            if (random.nextInt(4) > 0) {
                q.where(selectiveWhere(q.build()));
            }
            if (spec.time() != null && random.nextInt(100) < 30) {
                q.where(aroundTimeChange(q.build()));
            }
            Query draft = q.build();
            Oracle.Grouping groups = spec.oracle().group(draft);
            if (groups.groups() > MAX_GROUPS && attempt < 20) {
                continue;
            }
            boolean plainMetrics = draft.metrics().stream().anyMatch(m -> m.window() == null
                    && !spec.oracle().metrics.get(m.name()).time());
            boolean rankable = plainMetrics || !datasetMetrics(draft).isEmpty();
            if (rankable && random.nextInt(100) < 35) {
                q.having(having(draft, groups, 1 + random.nextInt(3)));
            }
            // groups without rows too: members of the reference tables, time spines, date-part cycles
            // refused: PARTICIPANT time spines (each zone has periods of its own) and raw instants (no periods)
            boolean participantSpine = draft.isParticipantZone() && chosen.stream().anyMatch(d -> d.granularity() != null);
            boolean rawTime = chosen.stream().anyMatch(d -> d.name().equals(spec.time()) && d.granularity() == null
                    && d.part() == null);
            boolean fill = !chosen.isEmpty() && random.nextInt(100) < 20 && !participantSpine && !rawTime
                    && new Filling(spec.oracle(), q.build(), groups.keys()).estimate() <= MAX_GROUPS / 4;
            q.includeEmpty(fill);
            draft = q.build();
            Top top = !chosen.isEmpty() && random.nextInt(100) < 15 ? top(draft, chosen, plainMetrics) : null;
            if (top != null) {
                q.top(top);
            }
            if (random.nextBoolean()) {
                List<String> outputs = new ArrayList<>(draft.outputKeys());
                int n = 1 + random.nextInt(Math.min(3, outputs.size()));
                for (int i = 0; i < n; i++) {
                    String key = byNameNowAndThen(draft, outputs.remove(random.nextInt(outputs.size())));
                    q.orderBy(random.nextBoolean() ? OrderBy.asc(key) : OrderBy.desc(key));
                }
            }
            if (random.nextInt(100) < 35) {
                int size = Math.max(1, groups.groups());
                q.limit(random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(Math.min(size, 40)));
                q.offset(random.nextBoolean() ? 0 : random.nextInt(Math.min(size, 10) + 1));
            }
            Query query = q.build();
            Oracle.Answer answer;
            try {
                answer = spec.oracle().answer(query, groups);
            } catch (IllegalStateException tooMany) {
                continue; // a cross product of members too large to check
            }
            if (fill && answer.rows().size() > MAX_GROUPS && attempt < 20) {
                continue;
            }
            return new Case(query, answer);
        }
    }

    /** An aliased dimension's name instead of its key, when that names nothing else (the API allows both). */
    private String byNameNowAndThen(Query draft, String key) {
        SelectedDimension d = draft.dimensions().stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (d == null || d.key().equals(d.name()) || random.nextInt(4) > 0) {
            return key;
        }
        long named = draft.dimensions().stream().filter(x -> x.name().equals(d.name()) || x.key().equals(d.name()))
                .count();
        boolean metric = draft.metrics().stream().anyMatch(m -> m.name().equals(d.name()) || m.key().equals(d.name()));
        return named == 1 && !metric ? d.name() : key;
    }

    // ---- selection -------------------------------------------------------------------------------------------

    private SelectedDimension dimension(Set<String> keys) {
        int kind = random.nextInt(100);
        SelectedDimension d;
        if (spec.time() != null && kind < 25) {
            d = SelectedDimension.dimension(spec.time());
            int arg = random.nextInt(10);
            if (arg < 6 || rollup != null && arg == 9) {
                Granularity[] gs = {Granularity.MINUTE, Granularity.HOUR, Granularity.HOUR, Granularity.DAY,
                    Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR};
                d = d.granularity(gs[(rollup != null ? 1 : 0) + random.nextInt(gs.length - (rollup != null ? 1 : 0))]);
            } else if (arg < 9) {
                d = d.part(DatePart.values()[random.nextInt(DatePart.values().length)]);
            }
            // else the raw time: the where filter or the MAX_GROUPS redraw keeps it small
        } else if (rollup != null) {
            d = SelectedDimension.dimension(pick(rollup.dimensions()));
        } else if (kind < 50 && !spec.widths().isEmpty()) {
            List<String> bucketable = new ArrayList<>(spec.widths().keySet());
            String name = pick(bucketable);
            d = SelectedDimension.dimension(name);
            List<Double> bases = spec.logBases().getOrDefault(name, List.of());
            d = !bases.isEmpty() && random.nextInt(3) == 0 ? d.logBase(pick(bases))
                    : d.bucketWidth(pick(spec.widths().get(name)));
        } else {
            d = SelectedDimension.dimension(pick(spec.plainDimensions()));
        }
        return d.as(key(d.name(), keys));
    }

    /**
     * A metric: now and then with a where of its own (a filtered metric) or as a share of a count or sum; its
     * filter keeps to the rollup's dimensions when the query does.
     */
    private SelectedMetric metric(Set<String> keys, List<SelectedDimension> dims) {
        List<Metrics.Def> defs = new ArrayList<>(spec.oracle().metrics.values());
        if (rollup != null) {
            defs.removeIf(d -> !rollup.metrics().contains(d.name()));
        }
        int kind = random.nextInt(100);
        List<Metrics.Def> additive = defs.stream().filter(Metrics.Def::additive).toList();
        if (kind < 8 && !additive.isEmpty()) {
            Metrics.Def of = pick(additive);
            SelectedMetric share = SelectedMetric.share(key("share", keys), of.name(), filter(2));
            return random.nextInt(100) < 15 ? share.window(window(of, dims)) : share;
        }
        Metrics.Def def = pick(defs);
        SelectedMetric m = SelectedMetric.metric(def.name());
        if (def.takesQ()) {
            double[] qs = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};
            m = m.q(random.nextInt(4) == 0 ? random.nextDouble() : qs[random.nextInt(qs.length)]);
        }
        if (kind < 25) {
            m = m.where(filter(2));
        }
        if (random.nextInt(100) < 20 && !def.time()) {
            m = m.window(window(def, dims));
        }
        return m.as(key(def.name(), keys));
    }

    /**
     * A window over some of the selected dimensions; differences only of exact metrics (no cancellation); a ranking
     * now and then lowest first.
     */
    private Window window(Metrics.Def def, List<SelectedDimension> dims) {
        List<WindowFunction> fns = new ArrayList<>(List.of(WindowFunction.values()));
        if (!def.exact()) {
            fns.removeAll(List.of(WindowFunction.DIFFERENCE, WindowFunction.PERCENT_CHANGE));
        }

        WindowFunction fn = pick(fns);
        List<String> partition = partition(dims, 0);
        Window w = new Window(fn, partition, fn == WindowFunction.MOVING_AVERAGE ? 1 + random.nextInt(4) : null);
        return fn.isRanking() && random.nextBoolean() ? w.ascending() : w;
    }

    /** A random subset of the dimensions, by output key or (when unambiguous) by name, keeping some out. */
    private List<String> partition(List<SelectedDimension> dims, int keepOut) {
        List<String> out = new ArrayList<>();
        int left = dims.size();
        for (SelectedDimension d : dims) {
            if (left > keepOut && random.nextInt(5) < 2) {
                boolean uniqueName = dims.stream().filter(o -> o.name().equals(d.name())).count() == 1
                        && dims.stream().noneMatch(o -> o.key().equals(d.name()) && o != d);
                out.add(uniqueName && random.nextInt(4) == 0 ? d.name() : d.key());
                left--;
            }
        }
        return out;
    }

    /**
     * Dataset metrics by name, those whose name is not the key of a windowed selection (that would name it).
     * Empty when every candidate is so taken, as when a rollup offers two metrics and both are windowed.
     */
    private List<String> datasetMetrics(Query draft) {
        return spec.oracle().metrics.values().stream().filter(d -> !d.takesQ() && !d.time())
                .filter(d -> rollup == null || rollup.metrics().contains(d.name()))
                .filter(d -> draft.metricByKey(d.name()).map(m -> m.window() == null).orElse(true))
                .map(Metrics.Def::name).toList();
    }

    /** A top-n clause, or null when no metric can rank the groups. */
    private Top top(Query draft, List<SelectedDimension> dims, boolean plainMetrics) {
        List<SelectedMetric> selected = draft.metrics().stream().filter(m -> m.window() == null)
                .filter(m -> !spec.oracle().metrics.get(m.name()).time()).toList();
        List<String> byName = datasetMetrics(draft);
        String by;
        if (!selected.isEmpty() && (byName.isEmpty() || random.nextInt(3) > 0)) {
            by = pick(selected).key();
        } else if (!byName.isEmpty()) {
            by = pick(byName);
        } else {
            return null;
        }
        OrderBy.Direction direction = random.nextBoolean() ? OrderBy.Direction.ASC : OrderBy.Direction.DESC;
        return new Top(1 + random.nextInt(4), by, partition(dims, 1), !draft.includeEmpty() && random.nextBoolean(),
                direction);
    }

    /** The name, or an alias when the name is taken; now and then an alias that is another field's name. */
    private String key(String name, Set<String> keys) {
        String key = name;
        if (random.nextInt(12) == 0) {
            List<String> names = new ArrayList<>(spec.table().columns.keySet());
            names.addAll(spec.oracle().metrics.keySet());
            key = pick(names);
        }
        for (int i = 2; !keys.add(key); i++) {
            key = name + "_" + i;
        }
        return key;
    }

    /** The query's where, and-ed with a few hours around a change of UTC offset (the buckets' hard cases). */
    private Filter aroundTimeChange(Query q) {
        LocalDateTime change = pick(SyntheticStudy.TIME_CHANGES);
        Filter window = Filter.compare(spec.time(), Operator.IN_RANGE,
                List.of(change.minusHours(2 + random.nextInt(10)), change.plusHours(2 + random.nextInt(10))));
        return q.where() == null ? window : Filter.and(q.where(), window);
    }

    // ---- where -----------------------------------------------------------------------------------------------

    /** A filter that keeps some rows; now and then one that keeps none, which must also work. */
    private Filter selectiveWhere(Query draft) {
        Filter filter = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            filter = filter(1);
            int kept = count(spec.oracle().where(filter));
            if (kept > 0 && kept < spec.table().size || random.nextInt(15) == 0) {
                return filter;
            }
        }
        return filter;
    }

    private static int count(byte[] keep) {
        int n = 0;
        for (byte b : keep) {
            n += b == Oracle.TRUE ? 1 : 0;
        }
        return n;
    }

    private Filter filter(int depth) {
        int kind = depth >= 3 ? 0 : random.nextInt(10);
        if (kind < 5) {
            return leaf();
        }
        if (kind < 9) {
            List<Filter> children = new ArrayList<>();
            int n = random.nextInt(25) == 0 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                children.add(filter(depth + 1));
            }
            return kind < 7 ? new Filter.And(children) : new Filter.Or(children);
        }
        return Filter.not(filter(depth + 1));
    }

    private Filter leaf() {
        if (rollup != null && spec.time() != null && random.nextInt(4) == 0) {
            // on an hour boundary, with gte or lt: a comparison an hourly rollup answers exactly
            LocalDateTime hour = ((LocalDateTime) sample(spec.table().column(spec.time()))).truncatedTo(
                    java.time.temporal.ChronoUnit.HOURS);
            return Filter.compare(spec.time(), random.nextBoolean() ? Operator.GTE : Operator.LT, time(hour,
                    random.nextInt(20)));
        }
        Table.Column column = spec.table().column(pick(rollup != null ? rollup.dimensions() : spec.filterable()));
        Object v = sample(column);
        List<Operator> ops = operators(column.kind());
        Operator op = pick(ops);
        switch (op) {
            case IS_NULL:
                return Filter.compare(column.name(), op, random.nextBoolean());
            case IN: case NIN: {
                List<Object> values = new ArrayList<>();
                int n = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    values.add(value(column, sample(column), op));
                }
                return Filter.compare(column.name(), op, values);
            }
            case BETWEEN: case IN_RANGE: {
                Object w = sample(column);
                boolean swap = v != null && w != null && ValueOrder.compare(v, w) > 0 && random.nextInt(10) > 0;
                Object low = swap ? w : v;
                Object high = swap ? v : w;
                return Filter.compare(column.name(), op, List.of(value(column, low, op), value(column, high, op)));
            }
            case LIKE: case ILIKE:
                return Filter.compare(column.name(), op, pattern((String) v, op == Operator.ILIKE));
            case CONTAINS:
                if (column.kind() == Table.Kind.STRING_LIST || column.kind() == Table.Kind.INT_LIST) {
                    return Filter.compare(column.name(), op, element(column));
                }
                return Filter.compare(column.name(), op, part((String) v, op));
            case STARTS_WITH: case ENDS_WITH:
                return Filter.compare(column.name(), op, part((String) v, op));
            default:
                return Filter.compare(column.name(), op, value(column, v, op));
        }
    }

    private static List<Operator> operators(Table.Kind kind) {
        if (kind == Table.Kind.STRING_LIST || kind == Table.Kind.INT_LIST) {
            return List.of(Operator.IS_NULL, Operator.CONTAINS, Operator.CONTAINS, Operator.CONTAINS);
        }
        List<Operator> ops = new ArrayList<>(List.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NIN,
                Operator.IS_NULL));
        if (kind != Table.Kind.BOOLEAN) {
            ops.addAll(List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.BETWEEN));
        }
        if (kind == Table.Kind.STRING) {
            ops.addAll(List.of(Operator.LIKE, Operator.ILIKE, Operator.CONTAINS, Operator.STARTS_WITH,
                    Operator.ENDS_WITH));
        }
        if (kind == Table.Kind.TIME) {
            ops.add(Operator.IN_RANGE);
        }
        return ops;
    }

    /** A non-null value of a random row; a fixed one when the column has only nulls. */
    private Object sample(Table.Column column) {
        Object[] values = column.values();
        int start = random.nextInt(values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = values[(start + i) % values.length];
            if (v != null && (i > 0 || random.nextInt(values.length) >= 0)) {
                return v;
            }
        }
        return fallback(column);
    }

    /** The filter value for a sampled one, in one of the Java types a client may send. */
    private Object value(Table.Column column, Object v, Operator op) {
        int r = random.nextInt(20);
        switch (column.kind()) {
            case INT: {
                int i = (Integer) v;
                if (r == 13 && i == (short) i) {
                    return (short) i;
                }
                return r < 14 ? v : r < 17 ? (Object) (long) i : r < 18 ? (Object) (double) i : (Object) (i + 0.5);
            }
            case LONG: {
                long l = (Long) v;
                if (ids.contains(column.name())) {
                    return r < 10 ? (Object) Long.toString(l) : (Object) l;   // an ID as a client sends it back
                }
                boolean small = Math.abs(l) < (1L << 50);
                if (r < 3 && l == (int) l) {
                    return (int) l;
                }
                return small && r == 19 ? (Object) (l - 0.5) : (Object) l;
            }
            case FLOAT: {
                double d = (Double) v;
                if (r == 5) {
                    return java.math.BigDecimal.valueOf(d);
                }
                return d == Math.rint(d) && Math.abs(d) < 1e15 && r < 5 ? (Object) (long) d : (Object) d;
            }
            case TIME:
                return time((LocalDateTime) v, r);
            case STRING:
                // now and then a value no row has: a lowCardinality column is an ENUM that lacks it, and a filter
                // on it must still compare as text (nothing equal, order by text), never fail
                return r == 0 ? v + "~" : r == 1 ? "never seen" : v;
            default:
                return v;
        }
    }

    /** An element of some row's list: an Integer (now and then as a Long or with a fraction) or a String. */
    private Object element(Table.Column column) {
        for (int i = 0; i < 200; i++) {
            List<?> list = (List<?>) sample(column);
            if (list != null && !list.isEmpty() && list.get(0) != null) {
                Object e = list.get(random.nextInt(list.size()));
                if (e instanceof Integer n) {
                    int r = random.nextInt(10);
                    return r == 0 ? (Object) (long) n : r == 1 ? (Object) (n + 0.5) : e;
                }
                return e;
            }
        }
        return column.kind() == Table.Kind.INT_LIST ? (Object) 1 : "";
    }

    private static Object fallback(Table.Column column) {
        switch (column.kind()) {
            case INT: return 0;
            case LONG: return 0L;
            case FLOAT: return 0.0;
            case STRING: return "";
            case BOOLEAN: return true;
            case STRING_LIST: case INT_LIST: return List.of();
            default: return LocalDateTime.of(2015, 6, 1, 0, 0);
        }
    }

    private static final List<ZoneId> VALUE_ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"));

    /** A UTC time as a LocalDateTime, an OffsetDateTime or Instant, or ISO text with or without an offset. */
    private Object time(LocalDateTime utc, int r) {
        if (r < 7) {
            return utc;
        }
        if (r == 7) {
            return utc.toLocalDate(); // its UTC midnight
        }
        if (r == 18) {
            return utc.atZone(ZoneOffset.UTC).withZoneSameInstant(pick(VALUE_ZONES));
        }
        OffsetDateTime at = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(pick(VALUE_ZONES)).toOffsetDateTime();
        if (r < 13) {
            return at;
        }
        if (r < 15) {
            return utc.toInstant(ZoneOffset.UTC);
        }
        if (r < 18) {
            return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private String pattern(String s, boolean flipCase) {
        String p;
        int start = random.nextInt(s.length() + 1);
        int end = start + random.nextInt(s.length() - start + 1);
        switch (random.nextInt(5)) {
            case 0: p = s.substring(0, end) + "%"; break;
            case 1: p = "%" + s.substring(start); break;
            case 2: p = "%" + s.substring(start, end) + "%"; break;
            case 3: {
                char[] chars = s.toCharArray();
                if (chars.length > 0) {
                    chars[random.nextInt(chars.length)] = '_';
                }
                p = new String(chars);
                break;
            }
            default: p = s;
        }
        if (!flipCase) {
            return p;
        }
        StringBuilder out = new StringBuilder();
        for (char c : p.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private String part(String s, Operator op) {
        int start = random.nextInt(s.length() + 1);
        int end = start + random.nextInt(s.length() - start + 1);
        String p = op == Operator.STARTS_WITH ? s.substring(0, end) : op == Operator.ENDS_WITH ? s.substring(start)
                : s.substring(start, end);
        // LIKE wildcards must be taken literally: such a value matches nothing in data without them
        return random.nextInt(10) == 0 ? p + (random.nextBoolean() ? "%" : "_") : p;
    }

    // ---- having ----------------------------------------------------------------------------------------------

    private Filter having(Query draft, Oracle.Grouping groups, int leaves) {
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            parts.add(havingLeaf(draft, groups));
        }
        Filter f = parts.size() == 1 ? parts.get(0)
                : random.nextBoolean() ? new Filter.And(parts) : new Filter.Or(parts);
        return random.nextInt(6) == 0 ? Filter.not(f) : f;
    }

    private Filter havingLeaf(Query draft, Oracle.Grouping groups) {
        String field;
        SelectedMetric metric;
        List<SelectedMetric> plain = draft.metrics().stream().filter(m -> m.window() == null)
                .filter(m -> !spec.oracle().metrics.get(m.name()).time()).toList();
        List<String> byName = datasetMetrics(draft);
        if (!plain.isEmpty() && (byName.isEmpty() || random.nextInt(4) > 0)) {
            metric = pick(plain);
            field = metric.key();
        } else {
            field = pick(byName);
            metric = Oracle.havingMetric(draft, field);
        }
        Metrics.Def def = spec.oracle().metrics.get(metric.name());
        Object[] values = spec.oracle().metric(metric, groups);
        TreeSet<Double> distinct = new TreeSet<>();
        List<Object> present = new ArrayList<>();
        for (Object v : values) {
            if (v != null) {
                present.add(v);
                distinct.add(((Number) v).doubleValue());
            }
        }
        if (present.isEmpty() || random.nextInt(15) == 0) {
            return Filter.compare(field, Operator.IS_NULL, random.nextBoolean());
        }
        if (def.exact()) {
            Object v = pick(present);
            Operator op = pick(List.of(Operator.EQ, Operator.NEQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE,
                    Operator.IN, Operator.NIN, Operator.BETWEEN));
            if (op == Operator.IN || op == Operator.NIN) {
                return Filter.compare(field, op, List.of(v, pick(present)));
            }
            if (op == Operator.BETWEEN) {
                Object w = pick(present);
                boolean swap = Oracle.compareNumbers((Number) v, (Number) w) > 0;
                return Filter.compare(field, op, swap ? List.of(w, v) : List.of(v, w));
            }
            return Filter.compare(field, op, v);
        }
        // inexact values: thresholds half-way between two groups' values, never equality
        List<Double> thresholds = new ArrayList<>();
        Double previous = null;
        for (double d : distinct) {
            if (previous != null && d - previous > 1e-6 * Math.max(Math.abs(d), Math.abs(previous))) {
                thresholds.add(previous + (d - previous) / 2);
            }
            previous = d;
        }
        if (thresholds.isEmpty()) {
            thresholds.add(distinct.first() - 1 - Math.abs(distinct.first()));
        }
        Operator op = pick(List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.BETWEEN));
        double t = pick(thresholds);
        if (op == Operator.BETWEEN) {
            double u = pick(thresholds);
            return Filter.compare(field, op, List.of(Math.min(t, u), Math.max(t, u)));
        }
        return Filter.compare(field, op, t);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private int pickWeighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
