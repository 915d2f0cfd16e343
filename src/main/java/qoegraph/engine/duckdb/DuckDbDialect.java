package qoegraph.engine.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;
import qoegraph.sql.SqlBuilder;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlFragment;
import qoegraph.sql.SqlType;

/**
 * DuckDB's SQL: {@code timezone()} for zones, {@code quantile_cont}, {@code ILIKE}, {@code list_contains},
 * {@code QUALIFY}, {@code LIMIT ? OFFSET ?}, {@code DESCRIBE}. Nothing here depends on the connection's
 * TimeZone setting.
 */
public final class DuckDbDialect implements SqlDialect {
    private static final double LOG_EPSILON = 1e-9;

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public SqlFragment toLocal(SqlFragment utc, SqlFragment zone) {
        return new SqlBuilder().append("timezone(").append(zone).append(", timezone('UTC', ").append(utc)
                .append("))").build();
    }

    @Override
    public SqlFragment toUtc(SqlFragment local, SqlFragment zone) {
        return new SqlBuilder().append("timezone('UTC', timezone(").append(zone).append(", ").append(local)
                .append("))").build();
    }

    @Override
    public SqlFragment subDayStartUtc(SqlFragment utc, SqlFragment local, SqlFragment localStart) {
        return new SqlBuilder().append("(").append(utc).append(" - (").append(local).append(" - ").append(localStart)
                .append("))").build();
    }

    @Override
    public SqlFragment instantOffsetText(SqlFragment instant, SqlFragment local) {
        return new SqlBuilder().append("printf('%s %04d', strftime(").append(instant)
                .append(", '%Y-%m-%dT%H:%M:%S.%f'), date_diff('minute', ").append(instant).append(", ").append(local)
                .append(") + " + OFFSET_BIAS + ")").build();
    }

    @Override
    public SqlFragment datePart(DatePart part, SqlFragment time) {
        String function = switch (part) {
            case HOUR_OF_DAY -> "hour";
            case DAY_OF_WEEK -> "isodow";
            case MONTH_OF_YEAR -> "month";
        };
        return new SqlBuilder().append(function + "(").append(time).append(")").build();
    }

    /** {@code quantile_cont(expr, q)}, q bound. */
    @Override
    public SqlFragment quantile(SqlFragment expr, double q) {
        return new SqlBuilder().append("quantile_cont(").append(expr).append(", ").param(q).append(")").build();
    }

    /** A tiny epsilon keeps exact powers (1000 in base 10) in their own bucket despite floating-point logs. */
    @Override
    public SqlFragment logBucket(SqlFragment expr, double base) {
        return new SqlBuilder().append("CASE WHEN ").append(expr).append(" > 0 THEN pow(").param(base)
                .append(", floor(ln(").append(expr).append(") / ln(").param(base).append(") + " + LOG_EPSILON + "))")
                .append(" WHEN ").append(expr).append(" IS NOT NULL THEN 0 END").build();
    }

    @Override
    public SqlFragment like(SqlFragment expr, String pattern, boolean ignoreCase, boolean escaped) {
        SqlBuilder sql = new SqlBuilder().append(expr).append(ignoreCase ? " ILIKE " : " LIKE ").param(pattern);
        return (escaped ? sql.append(" ESCAPE '" + LIKE_ESCAPE + "'") : sql).build();
    }

    @Override
    public SqlFragment listContains(SqlFragment list, Object value) {
        return new SqlBuilder().append("list_contains(").append(list).append(", ").param(value).append(")").build();
    }

    @Override
    public SqlFragment page(int limit, int offset) {
        return new SqlBuilder().append(" LIMIT ").param(limit).append(" OFFSET ").param(offset).build();
    }

    @Override
    public SqlFragment keepWindowRows(String relation, String window, int n) {
        return new SqlBuilder().append("SELECT * FROM ").append(quote(relation)).append(" QUALIFY ").append(window)
                .append(" <= ").param(n).build();
    }

    /** By output aliases: an expression with parameters would not match its repeat in the SELECT list. */
    @Override
    public String rollup(List<String> aliases) {
        return "ROLLUP (" + aliases.stream().map(this::quote).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String grouping(String alias) {
        return "GROUPING(" + quote(alias) + ")";
    }

    @Override
    public String timeSteps(String relation, String from, String to, Duration step, String column) {
        String lo = column(relation, from);
        String hi = column(relation, to);
        return "SELECT unnest(generate_series(" + lo + ", " + hi + ", INTERVAL " + step.toSeconds() + " SECOND)) AS "
                + quote(column) + " FROM " + quote(relation) + " UNION ALL SELECT " + hi + " FROM " + quote(relation)
                + " WHERE " + hi + " IS NOT NULL";
    }

    @Override
    public String integers(int from, int to, String column) {
        return "SELECT CAST(range AS INTEGER) AS " + quote(column) + " FROM range(" + from + ", " + (to + 1) + ")";
    }

    @Override
    public SqlType typeOf(String typeName) {
        String t = typeName.toUpperCase(Locale.ROOT);
        if (t.equals("TINYINT") || t.equals("SMALLINT") || t.equals("INTEGER") || t.equals("UTINYINT")
                || t.equals("USMALLINT")) {
            return SqlType.SMALL_INTEGER;
        }
        if (t.equals("BIGINT") || t.equals("HUGEINT") || t.equals("UINTEGER") || t.equals("UBIGINT")
                || t.equals("UHUGEINT")) {
            return SqlType.INTEGER;
        }
        if (t.equals("DOUBLE") || t.equals("FLOAT") || t.startsWith("DECIMAL")) {
            return SqlType.FRACTIONAL;
        }
        if (t.equals("VARCHAR") || t.startsWith("ENUM")) { // lowCardinality columns are ENUMs of text
            return SqlType.TEXT;
        }
        if (t.equals("BOOLEAN")) {
            return SqlType.BOOLEAN;
        }
        if (t.equals("TIMESTAMP")) {
            return SqlType.TIMESTAMP;
        }
        return t.equals("DATE") ? SqlType.DATE : SqlType.OTHER;
    }

    @Override
    public List<String> createTableAs(String table, String select) {
        return List.of("CREATE OR REPLACE TABLE " + quote(table) + " AS " + select);
    }

    /** DuckDB renames inside a transaction: readers see the old table or the new one (MVCC). */
    @Override
    public void replaceTable(Connection connection, String fresh, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + quote(table));
            s.execute("ALTER TABLE " + quote(fresh) + " RENAME TO " + quote(table));
        }
    }

    @Override
    public Optional<String> tableBytes(String table) {
        return Optional.of("SELECT estimated_size FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = '"
                + table.replace("'", "''") + "'");
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '"
                        + table.replace("'", "''") + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Override
    public List<Column> describe(Connection connection, String select) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + select)) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("column_name"), rs.getString("column_type")));
            }
        }
        return columns;
    }
}
