package qoegraph.engine.trino;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;
import qoegraph.sql.SqlBuilder;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlFragment;
import qoegraph.sql.SqlType;

/**
 * Trino's SQL, written to give DuckDB's answers on the same rows:
 * <ul>
 * <li>zones: {@code with_timezone(ts, 'UTC')} reads a stored naive UTC time as UTC whatever the session's zone,
 *     {@code at_timezone} moves it, and a cast back to {@code timestamp(6)} keeps the local wall time, so the repeated
 *     October hour stays one local hour as in DuckDB (and no region-zoned value ever reaches the driver, which decodes
 *     the repeated hour one hour off);</li>
 * <li>quantiles: exact, as DuckDB's quantile_cont: the group's sorted values and linear interpolation between the
 *     two nearest ranks. Trino's own approx_percentile is off by up to 8e-4 and varies between runs;</li>
 * <li>{@code avg} as the exact sum over the count (Trino's avg of a DECIMAL is rounded, DuckDB's a DOUBLE), no ILIKE (lower
 *     both sides), {@code OFFSET ? LIMIT ?} in that order, no QUALIFY (a subquery), no {@code ::}.</li>
 * </ul>
 */
public final class TrinoDialect implements SqlDialect {
    private static final double LOG_EPSILON = 1e-9;
    private static final String KEEP = "_keep";
    /** Versions of a rollup table are {@code <table>__v<millis>}; the rollup's own name is a view of the current one. */
    static final String VERSION = "__v";
    private static final List<Unsupported> UNSUPPORTED = List.of(
            new Unsupported(Pattern.compile("::"), "'::' casts are DuckDB's: write CAST(x AS type)"),
            new Unsupported(Pattern.compile("(?i)\\bILIKE\\b"), "ILIKE is DuckDB's: write lower(x) LIKE lower(y)"),
            new Unsupported(Pattern.compile("(?i)\\b(to_timestamp|epoch|strftime|strptime|list_\\w+|len|"
                    + "regexp_matches|string_split|datediff|quantile_cont|median|count_if)\\s*\\("),
                    "calls a DuckDB function Trino does not have"),
            new Unsupported(Pattern.compile("^(?!.*(?i:AS\\s+DOUBLE)).*/"),
                    "'/' divides integers as integers on Trino (7 / 2 is 3): write CAST(x AS DOUBLE) / y"));

    private record Unsupported(Pattern pattern, String why) {
    }

    @Override
    public String name() {
        return "trino";
    }

    @Override
    public SqlFragment toLocal(SqlFragment utc, SqlFragment zone) {
        return new SqlBuilder().append("CAST(at_timezone(with_timezone(").append(utc).append(", 'UTC'), ").append(zone)
                .append(") AS timestamp(6))").build();
    }

    @Override
    public SqlFragment toUtc(SqlFragment local, SqlFragment zone) {
        return new SqlBuilder().append("CAST(at_timezone(with_timezone(").append(local).append(", ").append(zone)
                .append("), 'UTC') AS timestamp(6))").build();
    }

    /**
     * As DuckDB's, with whole seconds only in the interval: Trino's intervals hold milliseconds, and a time's
     * microseconds are the same in UTC and local time (zone offsets are whole seconds), so they drop out.
     */
    @Override
    public SqlFragment subDayStartUtc(SqlFragment utc, SqlFragment local, SqlFragment localStart) {
        return new SqlBuilder().append("(date_trunc('second', ").append(utc).append(") - (date_trunc('second', ")
                .append(local).append(") - ").append(localStart).append("))").build();
    }

    /** {@code to_iso8601} of a {@code timestamp(6)} writes its six fraction digits, as DuckDB's {@code %f}. */
    @Override
    public SqlFragment instantOffsetText(SqlFragment instant, SqlFragment local) {
        return new SqlBuilder().append("format('%s %04d', to_iso8601(CAST(").append(instant)
                .append(" AS timestamp(6))), date_diff('minute', ").append(instant).append(", ").append(local)
                .append(") + " + OFFSET_BIAS + ")").build();
    }

    @Override
    public SqlFragment datePart(DatePart part, SqlFragment time) {
        String function = switch (part) {
            case HOUR_OF_DAY -> "hour";
            case DAY_OF_WEEK -> "day_of_week";
            case MONTH_OF_YEAR -> "month";
        };
        return new SqlBuilder().append(function + "(").append(time).append(")").build();
    }

    /**
     * DuckDB's quantile_cont exactly: with the group's n non-null values sorted, the value at rank
     * {@code p = q * (n - 1)} (from 0), interpolated between ranks floor(p) and ceil(p). The values are sorted by the
     * aggregation itself ({@code array_agg(x ORDER BY x)}), and Trino computes that one aggregate once per group
     * however often the expression names it: only O(1) lookups remain.
     */
    @Override
    public SqlFragment quantile(SqlFragment expr, double q) {
        SqlFragment x = asDouble(expr);
        SqlFragment values = new SqlBuilder().append("array_agg(").append(x).append(" ORDER BY ").append(x)
                .append(") FILTER (WHERE ").append(expr).append(" IS NOT NULL)").build();
        SqlFragment n = new SqlBuilder().append("cardinality(").append(values).append(")").build();
        SqlFragment rank = new SqlBuilder().append("(").param(q).append(" * (").append(n).append(" - 1))").build();
        SqlFragment low = new SqlBuilder().append("element_at(").append(values).append(", CAST(floor(").append(rank)
                .append(") AS BIGINT) + 1)").build();
        SqlFragment high = new SqlBuilder().append("element_at(").append(values).append(", CAST(ceiling(").append(rank)
                .append(") AS BIGINT) + 1)").build();
        return new SqlBuilder().append("CASE WHEN ").append(n).append(" IS NULL OR ").append(n).append(" = 0 THEN NULL")
                .append(" ELSE ").append(low).append(" + (").append(high).append(" - ").append(low).append(") * (")
                .append(rank).append(" - floor(").append(rank).append(")) END").build();
    }

    /**
     * As DuckDB's avg: the exact sum as a DOUBLE over the count. Trino's own avg of a DECIMAL rounds to the input's
     * scale (262715.693832 for 262715.6938324697), which loses the relative precision of small means.
     */
    @Override
    public SqlFragment average(SqlFragment expr) {
        return new SqlBuilder().append("(").append(asDouble(new SqlBuilder().append("sum(").append(expr).append(")")
                .build())).append(" / count(").append(expr).append("))").build();
    }

    @Override
    public SqlFragment logBucket(SqlFragment expr, double base) {
        return new SqlBuilder().append("CASE WHEN ").append(expr).append(" > 0 THEN power(").param(base)
                .append(", floor(ln(").append(expr).append(") / ln(").param(base).append(") + " + LOG_EPSILON + "))")
                .append(" WHEN ").append(expr).append(" IS NOT NULL THEN 0 END").build();
    }

    @Override
    public SqlFragment like(SqlFragment expr, String pattern, boolean ignoreCase, boolean escaped) {
        SqlBuilder sql = ignoreCase
                ? new SqlBuilder().append("lower(").append(expr).append(") LIKE lower(").param(pattern).append(")")
                : new SqlBuilder().append(expr).append(" LIKE ").param(pattern);
        return (escaped ? sql.append(" ESCAPE '" + LIKE_ESCAPE + "'") : sql).build();
    }

    /** array_position skips NULL elements and is 0 when the value is absent: false, as DuckDB's list_contains. */
    @Override
    public SqlFragment listContains(SqlFragment list, Object value) {
        return new SqlBuilder().append("(array_position(").append(list).append(", ").param(value).append(") > 0)")
                .build();
    }

    @Override
    public SqlFragment page(int limit, int offset) {
        return new SqlBuilder().append(" OFFSET ").param(offset).append(" LIMIT ").param(limit).build();
    }

    @Override
    public SqlFragment keepWindowRows(String relation, String window, int n) {
        return new SqlBuilder().append("SELECT * FROM (SELECT *, ").append(window).append(" AS ").append(quote(KEEP))
                .append(" FROM ").append(quote(relation)).append(") AS ").append(quote(KEEP + "_rows")).append(" WHERE ")
                .append(quote(KEEP)).append(" <= ").param(n).build();
    }

    @Override
    public SqlType typeOf(String typeName) {
        String t = typeName.toLowerCase(Locale.ROOT);
        if (t.equals("tinyint") || t.equals("smallint") || t.equals("integer")) {
            return SqlType.SMALL_INTEGER;
        }
        if (t.equals("bigint")) {
            return SqlType.INTEGER;
        }
        if (t.equals("double") || t.equals("real") || t.startsWith("decimal")) {
            return SqlType.FRACTIONAL;
        }
        if (t.equals("varchar") || t.startsWith("varchar(")) {
            return SqlType.TEXT;
        }
        if (t.equals("boolean")) {
            return SqlType.BOOLEAN;
        }
        if (t.equals("timestamp") || t.matches("timestamp\\(\\d+\\)")) {
            return SqlType.TIMESTAMP;
        }
        return t.equals("date") ? SqlType.DATE : SqlType.OTHER;
    }

    /** The columns as the coordinator describes the prepared statement (DESCRIBE OUTPUT): nothing runs. */
    @Override
    public List<Column> describe(Connection connection, String select) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(select)) {
            ResultSetMetaData meta = ps.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
            }
        }
        return columns;
    }

    /** Trino's Hive tables cannot be replaced in place: a leftover of a failed build is dropped first. */
    @Override
    public List<String> createTableAs(String table, String select) {
        return List.of("DROP TABLE IF EXISTS " + quote(table), "CREATE TABLE " + quote(table) + " AS " + select);
    }

    /**
     * Trino's connectors cannot rename inside a transaction, so readers see the rollup through a view: the new table
     * becomes a version of its own, the view switches to it in one metastore update, and older versions are
     * dropped (a query that planned against one has its files open already).
     */
    @Override
    public void replaceTable(Connection connection, String fresh, String table) throws SQLException {
        String version = table + VERSION + System.currentTimeMillis();
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE " + quote(fresh) + " RENAME TO " + quote(version));
            s.execute("CREATE OR REPLACE VIEW " + quote(table) + " AS SELECT * FROM " + quote(version));
            for (String old : versions(connection, table)) {
                if (!old.equalsIgnoreCase(version)) {
                    s.execute("DROP TABLE IF EXISTS " + quote(old));
                }
            }
        }
    }

    private static List<String> versions(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema AND table_type = 'BASE TABLE' AND starts_with(table_name, ?)")) {
            ps.setString(1, (table + VERSION).toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public boolean transactionalReplace() {
        return false;
    }

    @Override
    public Optional<String> tableBytes(String table) {
        return Optional.empty();
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema AND table_name = ?")) {
            ps.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public Optional<String> unsupported(String expression) {
        return UNSUPPORTED.stream().filter(u -> u.pattern().matcher(expression).find()).map(Unsupported::why)
                .findFirst();
    }
}
