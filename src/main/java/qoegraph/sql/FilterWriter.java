package qoegraph.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import qoegraph.model.FieldType;
import qoegraph.query.Filter;
import qoegraph.query.Values;

/**
 * Writes a filter tree as a condition; one small method per operator. Every value becomes a bind
 * parameter; LIKE wildcards in contains / startsWith / endsWith values are escaped.
 */
final class FilterWriter {
    /** What a filter's field stands for: an expression and its type. */
    record Operand(SqlFragment sql, FieldType type) {
    }

    private final SqlDialect dialect;
    private final Function<String, Operand> operands;

    FilterWriter(SqlDialect dialect, Function<String, Operand> operands) {
        this.dialect = dialect;
        this.operands = operands;
    }

    SqlFragment write(Filter filter) {
        if (filter instanceof Filter.And and) {
            return combine(and.filters(), " AND ", "TRUE");
        }
        if (filter instanceof Filter.Or or) {
            return combine(or.filters(), " OR ", "FALSE");
        }
        if (filter instanceof Filter.Not not) {
            return new SqlBuilder().append("(NOT ").append(write(not.filter())).append(")").build();
        }
        return compare((Filter.Compare) filter);
    }

    private SqlFragment combine(List<Filter> filters, String operator, String empty) {
        if (filters.isEmpty()) {
            return SqlFragment.text(empty);
        }
        List<SqlFragment> parts = new ArrayList<>();
        filters.forEach(f -> parts.add(write(f)));
        return parts.size() == 1 ? parts.get(0) : new SqlBuilder().append("(").join(parts, operator).append(")").build();
    }

    private SqlFragment compare(Filter.Compare compare) {
        Operand operand = operands.apply(compare.field());
        SqlFragment x = operand.sql();
        Object v = compare.value();
        FieldType type = operand.type().elementType();
        switch (compare.op()) {
            case EQ: return binary(x, " = ", bind(type, v));
            case NEQ: return binary(x, " <> ", bind(type, v));
            case GT: return binary(x, " > ", bind(type, v));
            case GTE: return binary(x, " >= ", bind(type, v));
            case LT: return binary(x, " < ", bind(type, v));
            case LTE: return binary(x, " <= ", bind(type, v));
            case IN: return in(x, type, (List<?>) v, false);
            case NIN: return in(x, type, (List<?>) v, true);
            case BETWEEN: return between(x, type, (List<?>) v);
            case IN_RANGE: return inRange(x, type, (List<?>) v);
            case IS_NULL: return isNull(x, (Boolean) v);
            case LIKE: return dialect.like(x, (String) v, false, false);
            case ILIKE: return dialect.like(x, (String) v, true, false);
            case CONTAINS: return contains(x, operand.type(), v);
            case STARTS_WITH: return dialect.like(x, dialect.escapeLike((String) v) + "%", false, true);
            case ENDS_WITH: return dialect.like(x, "%" + dialect.escapeLike((String) v), false, true);
            default: throw new IllegalStateException("no SQL for " + compare.op());
        }
    }

    private static SqlFragment binary(SqlFragment x, String operator, Object value) {
        return new SqlBuilder().append(x).append(operator).param(value).build();
    }

    private static SqlFragment in(SqlFragment x, FieldType type, List<?> values, boolean negated) {
        if (values.isEmpty()) {
            return SqlFragment.text(negated ? "TRUE" : "FALSE");
        }
        SqlBuilder sql = new SqlBuilder().append(x).append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").param(bind(type, values.get(i)));
        }
        return sql.append(")").build();
    }

    /** Inclusive: low <= x <= high. */
    private static SqlFragment between(SqlFragment x, FieldType type, List<?> pair) {
        return new SqlBuilder().append(x).append(" BETWEEN ").param(bind(type, pair.get(0))).append(" AND ")
                .param(bind(type, pair.get(1))).build();
    }

    /** Half-open: from <= x < to. */
    private static SqlFragment inRange(SqlFragment x, FieldType type, List<?> pair) {
        return new SqlBuilder().append("(").append(x).append(" >= ").param(bind(type, pair.get(0))).append(" AND ")
                .append(x).append(" < ").param(bind(type, pair.get(1))).append(")").build();
    }

    private static SqlFragment isNull(SqlFragment x, boolean isNull) {
        return new SqlBuilder().append(x).append(isNull ? " IS NULL" : " IS NOT NULL").build();
    }

    private SqlFragment contains(SqlFragment x, FieldType type, Object value) {
        if (type.isList()) {
            return dialect.listContains(x, bind(type.elementType(), value));
        }
        return dialect.like(x, "%" + dialect.escapeLike((String) value) + "%", false, true);
    }

    /** A value as bound to JDBC: times as naive UTC, numbers as Long or Double, text as String. */
    static Object bind(FieldType type, Object value) {
        if (type == FieldType.ID) {
            return Values.toId(value);
        }
        if (type == FieldType.DATE_TIME) {
            return Values.toUtc(value);
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).longValueExact();
        }
        if (value instanceof BigDecimal || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        return value instanceof CharSequence ? value.toString() : value;
    }
}
