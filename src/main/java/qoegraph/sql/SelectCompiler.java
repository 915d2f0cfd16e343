package qoegraph.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import qoegraph.model.FieldType;
import qoegraph.model.Join;
import qoegraph.plan.Plan;
import qoegraph.plan.PlannedDimension;
import qoegraph.plan.PlannedMetric;
import qoegraph.plan.Source;
import qoegraph.query.OrderBy;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;

/**
 * Compiles a {@link Plan} into one SQL statement with bind parameters.
 *
 * <p>Plain queries are one grouped SELECT. Window metrics and top-N are computed over the grouped rows in
 * CTEs: {@code "g"} holds the groups; for top-N {@code "t"} keeps the best groups per partition, and with
 * "Other" it re-aggregates the base rows of each partition's remaining groups into one row, so every
 * metric (medians and distinct counts too) is exact for the folded row. Windows run last, over the final
 * groups, before ORDER BY / LIMIT. Result columns are named {@code c0, c1, ...} in SQL: output keys (user
 * aliases) never enter the text; {@link OutputColumn} maps them back.
 */
public final class SelectCompiler {
    static final String GROUPS = "g";
    static final String RANKED = "r";
    static final String TOP = "t";
    static final String RANK_BY = "rank_by";
    static final String IS_OTHER = "is_other";
    /** The value text dimensions take in a top-N "Other" row. */
    public static final String OTHER_LABEL = "Other";

    private final SqlDialect dialect;

    public SelectCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public SqlStatement compile(Plan plan) {
        return new Compilation(plan).statement();
    }

    /** The state of compiling one plan. */
    private final class Compilation {
        private final Plan plan;
        private final List<PlannedDimension> dims;
        private final List<PlannedMetric> metrics;
        private final DimensionWriter dimensionWriter;
        private final MetricWriter metricWriter;
        private final Top top;

        Compilation(Plan plan) {
            this.plan = plan;
            this.dims = plan.dimensions();
            this.metrics = plan.metrics();
            ExprWriter exprs = new ExprWriter(dialect, plan.source().relation());
            this.dimensionWriter = new DimensionWriter(dialect, exprs, plan.timeZone());
            this.metricWriter = new MetricWriter(dialect, exprs, plan.dataset(),
                    plan.source() instanceof Source.Rollup r ? r.countMetrics() : Set.of());
            this.top = plan.query().top();
        }

        SqlStatement statement() {
            boolean windows = metrics.stream().anyMatch(m -> m.selected().window() != null);
            SqlBuilder sql = new SqlBuilder();
            if (!windows && top == null) {
                sql.append(groupedSelect(true, true, false)).append(orderBy(null));
            } else {
                String relation = withClause(sql);
                sql.append(" SELECT ").join(finalColumns(relation), ", ").append(" FROM ")
                        .append(dialect.quote(relation)).append(orderBy(relation));
            }
            sql.append(dialect.page(plan.query().limit() + 1, plan.query().offset()));
            SqlFragment text = sql.build();
            return new SqlStatement(text.sql(), text.params(), outputs(), plan.query().limit());
        }

        /** Writes the CTEs; returns the relation the final SELECT reads. */
        private String withClause(SqlBuilder sql) {
            sql.append("WITH ");
            if (top == null) {
                sql.append(cte(GROUPS, groupedSelect(true, true, false)));
                return GROUPS;
            }
            if (!top.other()) {
                sql.append(cte(GROUPS, groupedSelect(true, true, true))).append(", ").append(cte(TOP, keepTop()));
                return TOP;
            }
            sql.append(cte(GROUPS, groupedSelect(true, false, true))).append(", ").append(cte(RANKED, rankOthers()))
                    .append(", ").append(cte(TOP, foldOthers()));
            return TOP;
        }

        private SqlFragment cte(String name, SqlFragment body) {
            return new SqlBuilder().append(dialect.quote(name)).append(" AS (").append(body).append(")").build();
        }

        /** SELECT dims, metrics [, rank_by] FROM ... WHERE ... GROUP BY ... HAVING ... */
        private SqlFragment groupedSelect(boolean withDims, boolean withMetrics, boolean withRankBy) {
            List<SqlFragment> columns = new ArrayList<>();
            for (int i = 0; withDims && i < dims.size(); i++) {
                columns.add(as(dimensionWriter.write(dims.get(i)), col(i)));
            }
            for (int j = 0; withMetrics && j < metrics.size(); j++) {
                columns.add(as(metricWriter.write(metrics.get(j)), col(dims.size() + j)));
            }
            if (withRankBy) {
                columns.add(as(metricWriter.write(plan.metric(top.by())), RANK_BY));
            }
            SqlBuilder sql = new SqlBuilder().append("SELECT ").join(columns, ", ").append(" FROM ").append(from());
            appendWhere(sql);
            sql.append(groupBy(dims.size(), List.of()));
            if (plan.query().having() != null) {
                sql.append(" HAVING ").append(havingWriter().write(plan.query().having()));
            }
            return sql.build();
        }

        private void appendWhere(SqlBuilder sql) {
            if (plan.query().where() != null) {
                sql.append(" WHERE ").append(whereWriter().write(plan.query().where()));
            }
        }

        private String groupBy(int dimensions, List<Integer> more) {
            List<String> ordinals = new ArrayList<>();
            for (int i = 1; i <= dimensions; i++) {
                ordinals.add(String.valueOf(i));
            }
            more.forEach(o -> ordinals.add(String.valueOf(o)));
            return ordinals.isEmpty() ? "" : " GROUP BY " + String.join(", ", ordinals);
        }

        private SqlFragment from() {
            SqlBuilder sql = new SqlBuilder().append(dialect.quote(plan.source().relation()));
            ExprWriter exprs = new ExprWriter(dialect, plan.source().relation());
            for (Join join : plan.joins()) {
                sql.append(" LEFT JOIN ").append(dialect.quote(join.table())).append(" AS ")
                        .append(dialect.quote(join.name())).append(" ON ").append(exprs.write(join.on()));
            }
            return sql.build();
        }

        private FilterWriter whereWriter() {
            return new FilterWriter(dialect, field -> {
                var dimension = plan.dataset().dimension(field).orElseThrow();
                return new FilterWriter.Operand(dimensionWriter.raw(dimension), dimension.type());
            });
        }

        private FilterWriter havingWriter() {
            return new FilterWriter(dialect, field -> {
                PlannedMetric metric = plan.metric(field);
                return new FilterWriter.Operand(metricWriter.write(metric), metric.metric().type());
            });
        }

        /** Top-N without "Other": the n best groups per partition. */
        private SqlFragment keepTop() {
            return dialect.keepWindowRows(GROUPS, rowNumberByRank(GROUPS), top.n());
        }

        /** Top-N with "Other": which groups of each partition are folded. */
        private SqlFragment rankOthers() {
            List<SqlFragment> columns = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                columns.add(SqlFragment.text(dialect.column(GROUPS, col(i))));
            }
            columns.add(new SqlBuilder().append(rowNumberByRank(GROUPS)).append(" > ").param(top.n())
                    .append(" AS ").append(dialect.quote(IS_OTHER)).build());
            return new SqlBuilder().append("SELECT ").join(columns, ", ").append(" FROM ")
                    .append(dialect.quote(GROUPS)).build();
        }

        private String rowNumberByRank(String relation) {
            List<String> order = new ArrayList<>();
            order.add(dialect.column(relation, RANK_BY) + " DESC NULLS LAST");
            rankedDims().forEach(i -> order.add(dialect.column(relation, col(i)) + " ASC NULLS LAST"));
            List<String> partition = topPartition().stream().map(i -> dialect.column(relation, col(i))).toList();
            return "row_number() OVER (" + (partition.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partition) + " ")
                    + "ORDER BY " + String.join(", ", order) + ")";
        }

        /** The base rows again, joined to their group's rank, re-aggregated with folded groups as one row. */
        private SqlFragment foldOthers() {
            List<SqlFragment> columns = new ArrayList<>();
            Set<Integer> partition = new LinkedHashSet<>(topPartition());
            for (int i = 0; i < dims.size(); i++) {
                SqlFragment value = dimensionWriter.write(dims.get(i));
                columns.add(as(partition.contains(i) ? value : otherOr(dims.get(i), value), col(i)));
            }
            for (int j = 0; j < metrics.size(); j++) {
                columns.add(as(metricWriter.write(metrics.get(j)), col(dims.size() + j)));
            }
            columns.add(as(metricWriter.write(plan.metric(top.by())), RANK_BY));
            columns.add(SqlFragment.text(dialect.column(RANKED, IS_OTHER) + " AS " + dialect.quote(IS_OTHER)));
            SqlBuilder sql = new SqlBuilder().append("SELECT ").join(columns, ", ").append(" FROM ").append(from())
                    .append(" JOIN ").append(dialect.quote(RANKED)).append(" ON ").join(sameGroup(), " AND ");
            appendWhere(sql);
            return sql.append(groupBy(dims.size(), List.of(columns.size()))).build();
        }

        private SqlFragment otherOr(PlannedDimension dim, SqlFragment value) {
            SqlBuilder sql = new SqlBuilder().append("CASE WHEN ").append(dialect.column(RANKED, IS_OTHER)).append(" THEN ");
            boolean text = dimensionWriter.output(dim).type() == FieldType.STRING;
            (text ? sql.param(OTHER_LABEL) : sql.append("NULL")).append(" ELSE ").append(value).append(" END");
            return sql.build();
        }

        private List<SqlFragment> sameGroup() {
            List<SqlFragment> conditions = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                conditions.add(new SqlBuilder().append(dialect.column(RANKED, col(i))).append(" IS NOT DISTINCT FROM ")
                        .append(dimensionWriter.write(dims.get(i))).build());
            }
            return conditions;
        }

        private List<SqlFragment> finalColumns(String relation) {
            List<SqlFragment> columns = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                columns.add(SqlFragment.text(dialect.column(relation, col(i))));
            }
            for (int j = 0; j < metrics.size(); j++) {
                String column = dialect.column(relation, col(dims.size() + j));
                Window window = metrics.get(j).selected().window();
                columns.add(window == null ? SqlFragment.text(column) : as(windowValue(window, column, relation),
                        col(dims.size() + j)));
            }
            return columns;
        }

        private SqlFragment windowValue(Window window, String value, String relation) {
            List<Integer> partition = window.partitionBy().stream()
                    .map(p -> dims.indexOf(plan.dimension(p).orElseThrow())).toList();
            List<String> partitionColumns = partition.stream().map(i -> dialect.column(relation, col(i))).toList();
            List<String> tieBreak = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                if (!partition.contains(i)) {
                    tieBreak.add(dialect.column(relation, col(i)) + " ASC NULLS LAST");
                }
            }
            return new WindowWriter().write(window, value, partitionColumns, runningOrder(partition, relation, tieBreak),
                    tieBreak);
        }

        /** Running functions follow the selected time dimension, else the query's order, then Other last, then the dimensions. */
        private List<String> runningOrder(List<Integer> partition, String relation, List<String> tieBreak) {
            Set<String> order = new LinkedHashSet<>();
            for (int i = 0; i < dims.size(); i++) {
                if (!partition.contains(i) && dims.get(i).dimension().isTime()) {
                    order.add(dialect.column(relation, col(i)) + " ASC NULLS LAST");
                    break;
                }
            }
            if (order.isEmpty()) {
                for (OrderBy o : plan.query().orderBy()) {
                    int index = outputIndex(o.key());
                    boolean windowed = index >= dims.size() && metrics.get(index - dims.size()).selected().window() != null;
                    if (!windowed) {
                        order.add(dialect.column(relation, col(index)) + " " + o.direction() + " NULLS LAST");
                    }
                }
            }
            if (top != null && top.other()) {
                // an Other row can carry a kept group's dimension values (null); it runs last, as it is shown
                order.add(dialect.column(relation, IS_OTHER) + " ASC");
            }
            order.addAll(tieBreak);
            return List.copyOf(order);
        }

        /** ORDER BY: the query's keys, then top-N placement, then every dimension as a tie-break. */
        private String orderBy(String relation) {
            Set<Integer> used = new LinkedHashSet<>();
            List<String> keys = new ArrayList<>();
            for (OrderBy o : plan.query().orderBy()) {
                int index = outputIndex(o.key());
                if (used.add(index)) {
                    keys.add((index + 1) + " " + o.direction() + " NULLS LAST");
                }
            }
            if (top != null) {
                topOrder(relation, used, keys);
            }
            for (int i = 0; i < dims.size(); i++) {
                if (used.add(i)) {
                    keys.add((i + 1) + " ASC NULLS LAST");
                }
            }
            return keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys);
        }

        private void topOrder(String relation, Set<Integer> used, List<String> keys) {
            boolean explicit = !plan.query().orderBy().isEmpty();
            for (int i : topPartition()) {
                if (!explicit && used.add(i)) {
                    keys.add((i + 1) + " ASC NULLS LAST");
                }
            }
            if (top.other()) {
                keys.add(dialect.column(relation, IS_OTHER) + " ASC");
            }
            if (!explicit) {
                keys.add(dialect.column(relation, RANK_BY) + " DESC NULLS LAST");
            }
        }

        private List<Integer> topPartition() {
            return top.partitionBy().stream().map(p -> dims.indexOf(plan.dimension(p).orElseThrow())).toList();
        }

        private List<Integer> rankedDims() {
            List<Integer> partition = topPartition();
            List<Integer> ranked = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                if (!partition.contains(i)) {
                    ranked.add(i);
                }
            }
            return ranked;
        }

        /** The result position of a selected field, by output key or name. */
        private int outputIndex(String keyOrName) {
            var dim = plan.dimension(keyOrName);
            if (dim.isPresent() && (plan.selectedMetric(keyOrName).isEmpty() || dim.get().key().equals(keyOrName))) {
                return dims.indexOf(dim.get());
            }
            return dims.size() + metrics.indexOf(plan.selectedMetric(keyOrName).orElseThrow(
                    () -> new IllegalArgumentException("not selected: " + keyOrName)));
        }

        private List<OutputColumn> outputs() {
            List<OutputColumn> columns = new ArrayList<>();
            dims.forEach(d -> columns.add(dimensionWriter.output(d)));
            metrics.forEach(m -> columns.add(metricOutput(m)));
            return columns;
        }

        private OutputColumn metricOutput(PlannedMetric m) {
            FieldType type = windowType(m.selected().window(), m.metric().type());
            return new OutputColumn(m.key(), type, type.isTime() ? dimensionWriter.metricZone() : null);
        }

        private SqlFragment as(SqlFragment value, String name) {
            return new SqlBuilder().append(value).append(" AS ").append(dialect.quote(name)).build();
        }
    }

    /** The type of a window value: ranks count, shares and averages are fractional, sums keep the metric's type. */
    static FieldType windowType(Window window, FieldType metricType) {
        if (window == null) {
            return metricType;
        }
        WindowFunction fn = window.fn();
        if (fn.isRanking()) {
            return FieldType.LONG;
        }
        if (fn == WindowFunction.CUMULATIVE_SUM || fn == WindowFunction.DIFFERENCE) {
            return metricType;
        }
        return FieldType.FLOAT;
    }

    private static String col(int index) {
        return "c" + index;
    }
}
