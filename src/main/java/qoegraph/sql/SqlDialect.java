package qoegraph.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import qoegraph.model.ParticipantZone;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;

/**
 * Every piece of SQL text that differs between the engines qoegraph runs on, one implementation per engine
 * (as Trino's base-jdbc connectors each bring their own {@code QueryBuilder} hooks): time zones, truncation and
 * parts, buckets, quantiles, LIKE, lists, paging, window filters, result types. The compilers write only
 * standard SQL around these calls. The defaults are the standard SQL both engines accept.
 *
 * <p>Stored times are naive UTC timestamps; zones are always bind parameters whose values come from
 * {@link ZoneId} (already checked against the zone list), so no user text reaches SQL.
 */
public interface SqlDialect {
    /** The escape character used in LIKE patterns built from user values. */
    char LIKE_ESCAPE = '\\';

    /** The engine's name in configuration and messages: {@code duckdb}, {@code trino}. */
    String name();

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "relation"."column"}. */
    default String column(String relation, String column) {
        return quote(relation) + "." + quote(column);
    }

    /** One zone, bound. */
    default SqlFragment zone(ZoneId zone) {
        return new SqlBuilder().param(zone.getId()).build();
    }

    /** {@code CASE <value> WHEN 'fr' THEN 'Europe/Paris' ... ELSE <fallback> END}, all values bound. */
    default SqlFragment participantZone(ParticipantZone rule, SqlFragment value) {
        SqlBuilder sql = new SqlBuilder().append("CASE ").append(value);
        for (Map.Entry<String, ZoneId> e : rule.zones().entrySet()) {
            sql.append(" WHEN ").param(e.getKey()).append(" THEN ").param(e.getValue().getId());
        }
        return sql.append(" ELSE ").param(rule.fallback().getId()).append(" END").build();
    }

    /** A naive UTC timestamp as naive local time in {@code zone} (a zone fragment). */
    SqlFragment toLocal(SqlFragment utc, SqlFragment zone);

    /** A naive local time in {@code zone} as naive UTC; DST gaps move forward. */
    SqlFragment toUtc(SqlFragment local, SqlFragment zone);

    /** {@code date_trunc('<unit>', time)}: the name and meaning are the same on both engines. */
    default SqlFragment truncate(Granularity granularity, SqlFragment time) {
        return new SqlBuilder().append("date_trunc('" + granularity.name().toLowerCase(java.util.Locale.ROOT) + "', ")
                .append(time).append(")").build();
    }

    /**
     * The start of the local {@code granularity} bucket holding a naive UTC time, as naive UTC. Under a day
     * the bucket is the row's time minus how far it is into its local bucket, so the two 01:00 hours of a
     * DST fall-back night stay two buckets; from a day up it is the local bucket start converted back.
     */
    default SqlFragment bucketStartUtc(Granularity granularity, SqlFragment utc, ZoneId zone) {
        return bucketStartUtc(granularity, utc, toLocal(utc, zone(zone)), zone(zone));
    }

    private SqlFragment bucketStartUtc(Granularity granularity, SqlFragment utc, SqlFragment local, SqlFragment zone) {
        SqlFragment localStart = truncate(granularity, local);
        return granularity.isSubDay() ? subDayStartUtc(utc, local, localStart) : toUtc(localStart, zone);
    }

    /** {@code utc - (local - localStart)}: a sub-day local bucket's start as naive UTC, at the row's own offset. */
    SqlFragment subDayStartUtc(SqlFragment utc, SqlFragment local, SqlFragment localStart);

    /** Added to an offset in minutes (-18 h .. +18 h) so that it is written with four digits that sort as numbers. */
    int OFFSET_BIAS = 1080;

    /**
     * A naive UTC time in each row's {@code zone} (a fragment: a participant's zone): the instant of the time itself,
     * or of the start of its local {@code granularity} bucket, with the offset of that zone then, as one text: the
     * instant in UTC, a space, and the offset in minutes plus {@link #OFFSET_BIAS}, four digits
     * ({@code 2015-03-01T23:00:00.000000 1140} is a French participant's midnight of March 2). The text sorts as Java
     * orders OffsetDateTimes (by instant, then by offset), and grouping on it keeps apart the buckets of zones with
     * different offsets (different instants), as a one-zone bucket keeps the two 01:00 hours of a DST night apart.
     * {@code ResultValues} shows it at its offset: {@code 2015-03-02T00:00:00.000+01:00}.
     *
     * @param granularity null: the time itself
     */
    default SqlFragment instantWithOffset(Granularity granularity, SqlFragment utc, SqlFragment zone) {
        SqlFragment local = toLocal(utc, zone);
        if (granularity == null) {
            return instantOffsetText(utc, local);
        }
        return instantOffsetText(bucketStartUtc(granularity, utc, local, zone), truncate(granularity, local));
    }

    /**
     * {@code '<instant as yyyy-MM-ddTHH:mm:ss.ffffff> <minutes from instant to local + OFFSET_BIAS, four digits>'}:
     * the text {@link #instantWithOffset} describes, from a naive UTC instant and the same time as local wall time.
     */
    SqlFragment instantOffsetText(SqlFragment instant, SqlFragment local);

    /** Hour of day 0..23, ISO day of week 1 (Monday)..7, month 1..12 of a (local) time. */
    SqlFragment datePart(DatePart part, SqlFragment time);

    /** The continuous (interpolated) quantile {@code q} of the non-null values, as DuckDB's quantile_cont. */
    SqlFragment quantile(SqlFragment expr, double q);

    /** The mean of the non-null values as a DOUBLE (DuckDB's avg of a DECIMAL is a DOUBLE). */
    default SqlFragment average(SqlFragment expr) {
        return new SqlBuilder().append("avg(").append(expr).append(")").build();
    }

    /** The lower bound of the {@code width}-wide bucket holding the value: {@code floor(x / w) * w}. */
    default SqlFragment bucket(SqlFragment expr, double width) {
        return new SqlBuilder().append("(floor(").append(expr).append(" / ").param(width).append(") * ")
                .param(width).append(")").build();
    }

    /**
     * The power of {@code base} at or below the value ({@code base^floor(log_base x)}); values at or below
     * zero fall in bucket 0.
     */
    SqlFragment logBucket(SqlFragment expr, double base);

    /** {@code expr LIKE pattern ESCAPE '\'}, case-insensitive when asked; the pattern bound. */
    SqlFragment like(SqlFragment expr, String pattern, boolean ignoreCase, boolean escaped);

    /** A user value made literal inside a LIKE pattern: {@code %}, {@code _} and the escape are escaped. */
    default String escapeLike(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** True when the list holds the (bound) value, false when it does not (NULL elements ignored), NULL for no list. */
    SqlFragment listContains(SqlFragment list, Object value);

    /** A value as DOUBLE, so that divisions of integer sums are not integer divisions. */
    default SqlFragment asDouble(SqlFragment expr) {
        return new SqlBuilder().append("CAST(").append(expr).append(" AS DOUBLE)").build();
    }

    /** The paging clause at the end of a statement: at most {@code limit} rows after skipping {@code offset}. */
    SqlFragment page(int limit, int offset);

    /**
     * {@code SELECT * FROM relation} keeping the rows whose {@code window} value (a row_number() OVER ...) is at
     * most {@code n}; the result has the relation's columns and maybe one more, which callers never select.
     */
    SqlFragment keepWindowRows(String relation, String window, int n);

    /** The kind of value a result column of the engine's type {@code typeName} holds. */
    SqlType typeOf(String typeName);

    /** The result columns of a SELECT, without running it. */
    List<Column> describe(Connection connection, String select) throws SQLException;

    /** The statements of {@code CREATE TABLE table AS select}, replacing a table of that name left by a failed build. */
    List<String> createTableAs(String table, String select);

    /**
     * Makes the just-built table {@code fresh} the one readers see as {@code table}, all at once; {@code fresh} is
     * gone afterwards. Runs inside the caller's transaction when {@link #transactionalReplace()}.
     */
    void replaceTable(Connection connection, String fresh, String table) throws SQLException;

    /** Whether {@link #replaceTable} runs inside a transaction, so bookkeeping on the same connection commits with it. */
    default boolean transactionalReplace() {
        return true;
    }

    /** A query of one row and one BIGINT column: the table's size in bytes, as the engine estimates it; or empty. */
    Optional<String> tableBytes(String table);

    /** Whether a table (or view) of that name exists in the schema queries read. */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /** A result column: its name and the engine's type name. */
    record Column(String name, String type) {
    }

    /**
     * Why a model expression cannot run on this engine (syntax it lacks), or empty. Checked at start for every
     * expression of the model, so a model that one engine cannot serve fails there with its file and line.
     */
    default Optional<String> unsupported(String expression) {
        return Optional.empty();
    }
}
