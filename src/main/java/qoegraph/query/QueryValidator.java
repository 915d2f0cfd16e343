package qoegraph.query;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Metric;
import qoegraph.model.Model;
import qoegraph.model.Names;

/**
 * Checks a {@link Query} against the model and the limits before anything is planned, and says every
 * problem at once with a code, a path and a "did you mean". A query it accepts compiles to valid SQL.
 */
public final class QueryValidator {
    /** Narrower buckets overflow: value / width is Infinity for a tiny width (1e-320), which no Float can carry. */
    static final double MIN_BUCKET_WIDTH = 1e-9;

    /** The most periods a time spine (includeEmpty) may have between its where bounds. */
    static final long MAX_SPINE_PERIODS = 1_000_000;

    /** The hard maximum of {@code limit} unless configured otherwise. */
    public static final int DEFAULT_MAX_LIMIT = 100_000;
    // ZoneId.getAvailableZoneIds() copies its ~600 ids into a new set on every call: a tenth of a small request's CPU
    // (a HashSet as before, not Set.copyOf: did-you-mean ties are broken in its iteration order, which Set.of varies)
    private static final Set<String> ZONE_IDS = Collections.unmodifiableSet(ZoneId.getAvailableZoneIds());

    private final Model model;
    private final int maxLimit;

    public QueryValidator(Model model, int maxLimit) {
        this.model = model;
        this.maxLimit = maxLimit;
    }

    public QueryValidator(Model model) {
        this(model, DEFAULT_MAX_LIMIT);
    }

    /** Every problem of the query; empty when it is fine. */
    public List<QueryError> validate(Query query) {
        List<QueryError> errors = new ArrayList<>();
        Dataset dataset = model.dataset(query.dataset()).orElse(null);
        if (dataset == null) {
            errors.add(new QueryError(ErrorCode.UNKNOWN_FIELD, "dataset", "unknown dataset '" + query.dataset() + "'"
                    + Names.didYouMean(query.dataset(), model.datasets().keySet())));
            return errors;
        }
        new Check(dataset, query, errors).run();
        return errors;
    }

    /** @throws QueryException with every problem, when there is one */
    public void check(Query query) {
        List<QueryError> errors = validate(query);
        if (!errors.isEmpty()) {
            throw new QueryException(errors);
        }
    }

    /** One validation run: the query, its dataset, the errors found so far. */
    private final class Check {
        private final Dataset dataset;
        private final Query query;
        private final List<QueryError> errors;

        Check(Dataset dataset, Query query, List<QueryError> errors) {
            this.dataset = dataset;
            this.query = query;
            this.errors = errors;
        }

        void run() {
            checkSelection();
            query.dimensions().forEach(this::checkDimension);
            query.metrics().forEach(this::checkMetric);
            FilterChecker filters = new FilterChecker(dataset, query, errors::add);
            if (query.where() != null) {
                filters.checkWhere(query.where());
            }
            if (query.having() != null) {
                filters.checkHaving(query.having());
            }
            query.metrics().stream().filter(m -> m.where() != null)
                    .forEach(m -> filters.checkWhere(m.where(), "metrics." + m.key() + ".where"));
            checkOrderBy();
            checkTop();
            checkPaging();
            checkTimezone();
            checkIncludeEmpty();
            checkSubtotals();
        }

        private void checkSelection() {
            if (query.dimensions().isEmpty() && query.metrics().isEmpty()) {
                error(ErrorCode.INVALID_ARGUMENT, "selection", "select at least one dimension or metric");
            }
            Set<String> keys = new HashSet<>();
            for (String key : query.outputKeys()) {
                if (!keys.add(key)) {
                    error(ErrorCode.INVALID_ARGUMENT, "selection." + key, "output key '" + key
                            + "' is used twice; give one of them an alias");
                }
            }
        }

        private void checkDimension(SelectedDimension selected) {
            String path = "dimensions." + selected.key();
            Dimension dimension = dataset.dimension(selected.name()).orElse(null);
            if (dimension == null) {
                String hint = dataset.metric(selected.name()).isPresent() ? " ('" + selected.name() + "' is a metric)"
                        : Names.didYouMean(selected.name(), dataset.dimensions().keySet());
                error(ErrorCode.UNKNOWN_FIELD, path, "unknown dimension '" + selected.name() + "' in "
                        + dataset.name() + hint);
                return;
            }
            checkTimeArguments(selected, dimension, path);
            checkBucketArguments(selected, dimension, path);
        }

        private void checkTimeArguments(SelectedDimension selected, Dimension dimension, String path) {
            boolean timeArgument = selected.granularity() != null || selected.part() != null;
            if (timeArgument && !dimension.isTime()) {
                error(ErrorCode.INVALID_ARGUMENT, path, "granularity and part are for time dimensions; "
                        + dimension.name() + " is " + dimension.type().graphqlName());
            }
            if (selected.granularity() != null && selected.part() != null) {
                error(ErrorCode.INVALID_ARGUMENT, path, "give either granularity or part, not both");
            }
        }

        private void checkBucketArguments(SelectedDimension selected, Dimension dimension, String path) {
            Double width = selected.bucketWidth();
            Double base = selected.logBase();
            if (width == null && base == null) {
                return;
            }
            if (!dimension.isBucketable()) {
                error(ErrorCode.INVALID_ARGUMENT, path, "bucketWidth and logBase are for numeric dimensions; "
                        + dimension.name() + " is " + dimension.type().graphqlName());
                return;
            }
            if (width != null && base != null) {
                error(ErrorCode.INVALID_ARGUMENT, path, "give either bucketWidth or logBase, not both");
            }
            if (width != null && !(width > 0 && Double.isFinite(width))) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".bucketWidth", "bucketWidth must be above 0, got " + width);
            } else if (width != null && width < MIN_BUCKET_WIDTH) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".bucketWidth", "bucketWidth must be at least "
                        + MIN_BUCKET_WIDTH + " (finer than any column's resolution), got " + width);
            }
            if (base != null && !(base > 1 && Double.isFinite(base))) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".logBase", "logBase must be above 1, got " + base);
            }
            Double bound = width != null ? width : base;
            if (dimension.type().isIntegral() && bound != null && !Values.isWhole(bound)) {
                error(ErrorCode.INVALID_ARGUMENT, path, dimension.name() + " is " + dimension.type().graphqlName()
                        + ": bucketWidth and logBase must be whole numbers, got " + bound);
            }
        }

        private void checkMetric(SelectedMetric selected) {
            String path = "metrics." + selected.key();
            Metric metric = dataset.metric(selected.name()).orElse(null);
            if (metric == null) {
                String hint = dataset.dimension(selected.name()).isPresent() ? " ('" + selected.name() + "' is a dimension)"
                        : Names.didYouMean(selected.name(), dataset.metrics().keySet());
                error(ErrorCode.UNKNOWN_FIELD, path, "unknown metric '" + selected.name() + "' in " + dataset.name() + hint);
                return;
            }
            checkQuantile(selected, metric, path);
            if (selected.share()) {
                checkShare(selected, metric, path);
            }
            if (selected.window() != null) {
                checkWindow(selected.window(), path + ".window");
                if (!metric.type().isNumeric()) {
                    error(ErrorCode.INVALID_WINDOW, path + ".window", "a window needs a number; " + metric.name()
                            + " is " + metric.type().graphqlName() + ": order by it instead (orderBy: [{field: \""
                            + selected.key() + "\", direction: ASC}])");
                }
            }
        }

        /** A share divides a part of an additive metric by its whole: counts and sums only, and a part to take. */
        private void checkShare(SelectedMetric selected, Metric metric, String path) {
            if (!metric.aggregation().additive()) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".of", "share takes the part of a count or a sum; "
                        + metric.name() + " is a " + metric.aggregation().yamlName() + ", whose parts do not add up");
            }
            if (selected.where() == null) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".where", "share needs where: the rows whose part of "
                        + metric.name() + " it gives");
            }
        }

        private void checkQuantile(SelectedMetric selected, Metric metric, String path) {
            if (selected.q() == null && metric.takesQuantile()) {
                error(ErrorCode.INVALID_ARGUMENT, path, metric.name() + " needs q, a quantile between 0 and 1");
            }
            if (selected.q() != null && !metric.takesQuantile()) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".q", metric.name() + " takes no q");
            }
            if (selected.q() != null && !(selected.q() >= 0 && selected.q() <= 1)) {
                error(ErrorCode.INVALID_ARGUMENT, path + ".q", "q must be between 0 and 1, got " + selected.q());
            }
        }

        private void checkWindow(Window window, String path) {
            for (String p : window.partitionBy()) {
                if (query.findDimension(p).isEmpty()) {
                    error(ErrorCode.INVALID_WINDOW, path + ".partitionBy", "partition on '" + p
                            + "', which is not a selected dimension; select it too" + selectedHint(p));
                }
            }
            boolean moving = window.fn() == WindowFunction.MOVING_AVERAGE;
            if (moving && (window.size() == null || window.size() < 1)) {
                error(ErrorCode.INVALID_WINDOW, path + ".size", "MOVING_AVERAGE needs a size of at least 1");
            }
            if (!moving && window.size() != null) {
                error(ErrorCode.INVALID_WINDOW, path + ".size", "size is only for MOVING_AVERAGE");
            }
            if (window.direction() != null && !window.fn().isRanking()) {
                error(ErrorCode.INVALID_WINDOW, path + ".direction", "direction is for the ranking functions (RANK,"
                        + " DENSE_RANK, ROW_NUMBER); " + window.fn() + " does not rank");
            }
        }

        private String selectedHint(String name) {
            List<String> selected = query.dimensions().stream().map(SelectedDimension::key).toList();
            return Names.didYouMean(name, selected);
        }

        private void checkOrderBy() {
            for (int i = 0; i < query.orderBy().size(); i++) {
                String key = query.orderBy().get(i).key();
                if (query.findDimension(key).isEmpty() && query.findMetric(key).isEmpty()) {
                    error(ErrorCode.UNKNOWN_FIELD, "orderBy[" + i + "]", "cannot order by '" + key
                            + "': it is not a selected field" + Names.didYouMean(key, query.outputKeys())
                            + "; selected: " + query.outputKeys());
                }
            }
        }

        private void checkTop() {
            Top top = query.top();
            if (top == null) {
                return;
            }
            if (top.n() < 1) {
                error(ErrorCode.INVALID_ARGUMENT, "top.n", "n must be at least 1, got " + top.n());
            }
            checkTopBy(top.by());
            for (String p : top.partitionBy()) {
                if (query.findDimension(p).isEmpty()) {
                    error(ErrorCode.INVALID_ARGUMENT, "top.partitionBy", "partition on '" + p
                            + "', which is not a selected dimension; select it too" + selectedHint(p));
                }
            }
            long ranked = query.dimensions().stream().filter(d -> !isTopPartition(d)).count();
            if (ranked == 0) {
                error(ErrorCode.INVALID_ARGUMENT, "top", "top needs a selected dimension besides partitionBy to rank");
            }
        }

        private boolean isTopPartition(SelectedDimension d) {
            return query.top().partitionBy().stream().anyMatch(p -> query.findDimension(p).orElse(null) == d);
        }

        private void checkTopBy(String by) {
            SelectedMetric selected = query.metricByKey(by).orElse(null);
            if (selected != null && selected.window() != null) {
                error(ErrorCode.INVALID_ARGUMENT, "top.by", "'" + by + "' is a window value; rank by a grouped metric");
                return;
            }
            Metric metric = dataset.metric(selected != null ? selected.name() : by).orElse(null);
            if (metric == null) {
                error(ErrorCode.UNKNOWN_FIELD, "top.by", "unknown metric '" + by + "' in " + dataset.name()
                        + Names.didYouMean(by, dataset.metrics().keySet()));
            } else if (selected == null && metric.takesQuantile()) {
                error(ErrorCode.INVALID_ARGUMENT, "top.by", "'" + by + "' needs q: select it with q and rank by its key");
            } else if (!metric.type().isNumeric()) {
                error(ErrorCode.INVALID_ARGUMENT, "top.by", "rank by a numeric metric; '" + by + "' is "
                        + metric.type().graphqlName());
            }
        }

        private void checkIncludeEmpty() {
            if (!query.includeEmpty()) {
                return;
            }
            if (query.dimensions().isEmpty()) {
                error(ErrorCode.INVALID_ARGUMENT, "includeEmpty", "includeEmpty adds the groups without rows: select a"
                        + " dimension to group by");
            }
            if (query.top() != null && query.top().other()) {
                error(ErrorCode.INVALID_ARGUMENT, "includeEmpty", "includeEmpty does not combine with top.other (an"
                        + " \"Other\" row of empty groups has no rows to add up); leave one of them out");
            }
            query.dimensions().stream().filter(d -> d.granularity() != null).forEach(this::checkSpine);
            for (SelectedDimension d : query.dimensions()) {
                boolean rawTime = d.granularity() == null && d.part() == null
                        && dataset.dimension(d.name()).map(Dimension::isTime).orElse(false);
                if (rawTime) {
                    // every instant is a group of its own: crossing them with the other members adds no period
                    error(ErrorCode.INVALID_ARGUMENT, "dimensions." + d.key(), "includeEmpty adds the empty periods"
                            + " of a granularity, and " + d.name() + " without one has a group per instant; group by "
                            + d.name() + "(granularity: HOUR) (or DAY, ...) or " + d.name() + "(part: HOUR_OF_DAY)");
                }
            }
        }

        /**
         * A spine between where bounds far apart would be more periods than any answer can carry. Under PARTICIPANT
         * a period is a local bucket at one offset, each zone's its own: which zones' empty periods to add is not
         * the data's to say, so that spine is refused (a date part's cycle is still filled).
         */
        private void checkSpine(SelectedDimension d) {
            if (Query.PARTICIPANT.equals(query.timezone())) {
                error(ErrorCode.INVALID_ARGUMENT, "dimensions." + d.key(), "includeEmpty cannot add the empty "
                        + d.granularity() + "s of participants' own zones (each zone has its own periods); group by a"
                        + " date part (hourOfDay, dayOfWeek, month) or pick one timezone");
                return;
            }
            TimeBounds.Bound lo = TimeBounds.of(query.where(), d.name(), true);
            TimeBounds.Bound hi = TimeBounds.of(query.where(), d.name(), false);
            if (lo == null || hi == null) {
                return;
            }
            long periods = java.time.Duration.between(lo.utc(), hi.utc()).toMinutes() / d.granularity().minutes();
            if (periods > MAX_SPINE_PERIODS) {
                error(ErrorCode.LIMIT_EXCEEDED, "dimensions." + d.key(), "includeEmpty would add every "
                        + d.granularity() + " from " + lo.utc() + " to " + hi.utc() + ", about " + periods
                        + " periods > " + MAX_SPINE_PERIODS + "; narrow the where range or take a coarser granularity");
            }
        }

        private void checkSubtotals() {
            if (!query.subtotals()) {
                return;
            }
            if (query.dimensions().isEmpty()) {
                error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotals add up groups by the leading dimensions:"
                        + " select a dimension to group by");
            }
            if (query.totalOverKey() == null) {
                error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotal rows read null in the dimensions they add up:"
                        + " select totalOver too, to tell them from groups whose dimension is null");
            }
            if (query.top() != null) {
                error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotals do not combine with top (a subtotal would add"
                        + " up groups that top drops); leave one of them out");
            }
            if (query.includeEmpty()) {
                error(ErrorCode.INVALID_ARGUMENT, "subtotals", "subtotals do not combine with includeEmpty; leave one of"
                        + " them out");
            }
        }

        private void checkPaging() {
            if (query.limit() > maxLimit) {
                error(ErrorCode.LIMIT_EXCEEDED, "limit", "limit " + query.limit() + " > maximum " + maxLimit
                        + "; page with offset");
            }
            if (query.limit() < 0) {
                error(ErrorCode.INVALID_ARGUMENT, "limit", "limit must be 0 or more, got " + query.limit());
            }
            if (query.offset() < 0) {
                error(ErrorCode.INVALID_ARGUMENT, "offset", "offset must be 0 or more, got " + query.offset());
            }
        }

        private void checkTimezone() {
            String zone = query.timezone();
            if (query.isParticipantZone()) {
                if (dataset.participantZone() == null) {
                    error(ErrorCode.INVALID_TIMEZONE, "timezone", "PARTICIPANT is for datasets of study participants; "
                            + dataset.name() + " has none, use an IANA zone such as Europe/Paris");
                }
                return;
            }
            if (!ZONE_IDS.contains(zone)) {
                error(ErrorCode.INVALID_TIMEZONE, "timezone", "unknown time zone '" + zone + "'"
                        + Names.didYouMean(zone, ZONE_IDS)
                        + "; use an IANA zone id such as Europe/London, or PARTICIPANT");
            }
        }

        private void error(ErrorCode code, String path, String message) {
            errors.add(new QueryError(code, path, message));
        }
    }
}
