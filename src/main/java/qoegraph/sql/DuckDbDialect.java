package qoegraph.sql;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import qoegraph.model.ParticipantZone;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;

/**
 * Every piece of DuckDB-specific SQL text: identifier quoting, time zones, truncation and parts, buckets,
 * quantiles, LIKE escaping. Stored times are naive UTC TIMESTAMPs; zones are always bind parameters whose
 * values come from {@link ZoneId} (already checked against the zone list), so no user text reaches SQL.
 * Nothing here depends on the connection's TimeZone setting.
 */
public final class DuckDbDialect {
    /** The escape character used in LIKE patterns built from user values. */
    public static final char LIKE_ESCAPE = '\\';
    private static final double LOG_EPSILON = 1e-9;

    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "relation"."column"}. */
    public String column(String relation, String column) {
        return quote(relation) + "." + quote(column);
    }

    /** The zone of each row: one zone, or a CASE over the participant dimension's value. */
    public SqlFragment zone(ZoneId zone) {
        return new SqlBuilder().param(zone.getId()).build();
    }

    /** {@code CASE <value> WHEN 'fr' THEN 'Europe/Paris' ... ELSE <fallback> END}, all values bound. */
    public SqlFragment participantZone(ParticipantZone rule, SqlFragment value) {
        SqlBuilder sql = new SqlBuilder().append("CASE ").append(value);
        for (Map.Entry<String, ZoneId> e : rule.zones().entrySet()) {
            sql.append(" WHEN ").param(e.getKey()).append(" THEN ").param(e.getValue().getId());
        }
        return sql.append(" ELSE ").param(rule.fallback().getId()).append(" END").build();
    }

    /** A naive UTC timestamp as naive local time in {@code zone} (a zone fragment). */
    public SqlFragment toLocal(SqlFragment utc, SqlFragment zone) {
        return new SqlBuilder().append("timezone(").append(zone).append(", timezone('UTC', ").append(utc)
                .append("))").build();
    }

    /** A naive local time in {@code zone} as naive UTC; DST gaps move forward. */
    public SqlFragment toUtc(SqlFragment local, SqlFragment zone) {
        return new SqlBuilder().append("timezone('UTC', timezone(").append(zone).append(", ").append(local)
                .append("))").build();
    }

    public SqlFragment truncate(Granularity granularity, SqlFragment time) {
        String unit = granularity.name().toLowerCase(Locale.ROOT);
        return new SqlBuilder().append("date_trunc('" + unit + "', ").append(time).append(")").build();
    }

    /**
     * The start of the local {@code granularity} bucket holding a naive UTC time, as naive UTC. Under a day
     * the bucket is the row's time minus how far it is into its local bucket, so the two 01:00 hours of a
     * DST fall-back night stay two buckets; from a day up it is the local bucket start converted back.
     */
    public SqlFragment bucketStartUtc(Granularity granularity, SqlFragment utc, ZoneId zone) {
        SqlFragment local = toLocal(utc, zone(zone));
        if (granularity.isSubDay()) {
            return new SqlBuilder().append("(").append(utc).append(" - (").append(local).append(" - ")
                    .append(truncate(granularity, local)).append("))").build();
        }
        return toUtc(truncate(granularity, local), zone(zone));
    }

    /** Hour of day 0..23, ISO day of week 1 (Monday)..7, month 1..12 of a (local) time. */
    public SqlFragment datePart(DatePart part, SqlFragment time) {
        String function = switch (part) {
            case HOUR_OF_DAY -> "hour";
            case DAY_OF_WEEK -> "isodow";
            case MONTH_OF_YEAR -> "month";
        };
        return new SqlBuilder().append(function + "(").append(time).append(")").build();
    }

    /** {@code quantile_cont(expr, q)}, q bound. */
    public SqlFragment quantile(SqlFragment expr, double q) {
        return new SqlBuilder().append("quantile_cont(").append(expr).append(", ").param(q).append(")").build();
    }

    /** The lower bound of the {@code width}-wide bucket holding the value: {@code floor(x / w) * w}. */
    public SqlFragment bucket(SqlFragment expr, double width) {
        return new SqlBuilder().append("(floor(").append(expr).append(" / ").param(width).append(") * ")
                .param(width).append(")").build();
    }

    /**
     * The power of {@code base} at or below the value ({@code base^floor(log_base x)}); values at or below
     * zero fall in bucket 0. A tiny epsilon keeps exact powers (1000 in base 10) in their own bucket despite
     * floating-point logs.
     */
    public SqlFragment logBucket(SqlFragment expr, double base) {
        return new SqlBuilder().append("CASE WHEN ").append(expr).append(" > 0 THEN pow(").param(base)
                .append(", floor(ln(").append(expr).append(") / ln(").param(base).append(") + " + LOG_EPSILON + "))")
                .append(" WHEN ").append(expr).append(" IS NOT NULL THEN 0 END").build();
    }

    /** {@code expr LIKE pattern ESCAPE '\'} (or ILIKE), the pattern bound. */
    public SqlFragment like(SqlFragment expr, String pattern, boolean ignoreCase, boolean escaped) {
        SqlBuilder sql = new SqlBuilder().append(expr).append(ignoreCase ? " ILIKE " : " LIKE ").param(pattern);
        return (escaped ? sql.append(" ESCAPE '" + LIKE_ESCAPE + "'") : sql).build();
    }

    /** A user value made literal inside a LIKE pattern: {@code %}, {@code _} and the escape are escaped. */
    public String escapeLike(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    public SqlFragment listContains(SqlFragment list, Object value) {
        return new SqlBuilder().append("list_contains(").append(list).append(", ").param(value).append(")").build();
    }

    /** An aggregate over the rows a condition keeps: {@code agg FILTER (WHERE cond)} (standard SQL, Trino too). */
    public SqlFragment filtered(SqlFragment aggregate, SqlFragment condition) {
        return new SqlBuilder().append(aggregate).append(" FILTER (WHERE ").append(condition).append(")").build();
    }

    /** The rows where a condition is true: 0 over no rows. */
    public SqlFragment countWhere(SqlFragment condition) {
        return filtered(SqlFragment.text("count(*)"), condition);
    }

    /** Both conditions. */
    public SqlFragment and(SqlFragment a, SqlFragment b) {
        return new SqlBuilder().append("(").append(a).append(") AND (").append(b).append(")").build();
    }

    /** 0 where the value is null: a sum over no rows. */
    public SqlFragment zeroIfNull(SqlFragment value) {
        return new SqlBuilder().append("coalesce(").append(value).append(", 0)").build();
    }

    /**
     * {@code ROLLUP (...)} of the grouped columns, for subtotals and a grand total: DuckDB names them by their
     * output aliases (an expression with parameters would not match its repeat); the expressions are for dialects
     * that need them.
     */
    public String rollup(List<String> aliases, List<SqlFragment> expressions) {
        return "ROLLUP (" + aliases.stream().map(this::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** 1 on a row that adds up over this grouped column (a subtotal), 0 on a group: {@code GROUPING(col)}. */
    public String grouping(String alias, SqlFragment expression) {
        return "GROUPING(" + quote(alias) + ")";
    }

    /**
     * A relation of one column {@code column}: times from {@code from} to {@code to}, both included, {@code step}
     * apart, and {@code to} itself; both read from {@code relation}, a one-row relation. Nothing when they are null.
     */
    public String timeSteps(String relation, String from, String to, Duration step, String column) {
        String lo = column(relation, from);
        String hi = column(relation, to);
        return "SELECT unnest(generate_series(" + lo + ", " + hi + ", INTERVAL " + step.toSeconds() + " SECOND)) AS "
                + quote(column) + " FROM " + quote(relation) + " UNION ALL SELECT " + hi + " FROM " + quote(relation)
                + " WHERE " + hi + " IS NOT NULL";
    }

    /** A relation of one INTEGER column {@code column}: from..to, both included. */
    public String integers(int from, int to, String column) {
        return "SELECT CAST(range AS INTEGER) AS " + quote(column) + " FROM range(" + from + ", " + (to + 1) + ")";
    }

    /** The least of the values (nulls ignored). */
    public SqlFragment least(List<SqlFragment> values) {
        return new SqlBuilder().append("least(").join(values, ", ").append(")").build();
    }

    /** The greatest of the values (nulls ignored). */
    public SqlFragment greatest(List<SqlFragment> values) {
        return new SqlBuilder().append("greatest(").join(values, ", ").append(")").build();
    }

    /** A value as DOUBLE, so that divisions of integer sums are not integer divisions. */
    public SqlFragment asDouble(SqlFragment expr) {
        return new SqlBuilder().append("CAST(").append(expr).append(" AS DOUBLE)").build();
    }
}
