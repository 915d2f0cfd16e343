package qoegraph.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The columns a dataset's expressions may name: its table's, and each join's table's. */
final class Scope {
    private final Map<String, String> baseColumns;
    private final Map<String, Map<String, String>> joinColumns = new LinkedHashMap<>();

    Scope(Map<String, String> baseColumns) {
        this.baseColumns = baseColumns;
    }

    void addJoin(String name, Map<String, String> columns) {
        joinColumns.put(name, columns);
    }

    /** The DuckDB type of a referenced column, if it exists. */
    Optional<String> sqlType(ColumnRef ref) {
        Map<String, String> columns = ref.isBase() ? baseColumns : joinColumns.get(ref.join());
        return columns == null ? Optional.empty() : Optional.ofNullable(columns.get(ref.column()));
    }

    /** Why a reference does not resolve, or null when it does. */
    String problem(ColumnRef ref) {
        if (!ref.isBase() && !joinColumns.containsKey(ref.join())) {
            return "unknown join '" + ref.join() + "'" + Names.didYouMean(ref.join(), joinColumns.keySet());
        }
        Map<String, String> columns = ref.isBase() ? baseColumns : joinColumns.get(ref.join());
        if (!columns.containsKey(ref.column())) {
            return "unknown column '" + ref + "'" + Names.didYouMean(ref.column(), columns.keySet());
        }
        return null;
    }

    /** Reports every unresolved reference of {@code expr}; returns whether all resolve. */
    boolean check(Expr expr, Section place, String key) {
        boolean ok = true;
        for (ColumnRef ref : expr.refs()) {
            String problem = problem(ref);
            if (problem != null) {
                place.error(key, problem);
                ok = false;
            }
        }
        return ok;
    }

    /** The field type of an expression that is one column, if it has a known type. */
    Optional<FieldType> inferType(Expr expr) {
        if (!expr.isSingleColumn()) {
            return Optional.empty();
        }
        return sqlType(expr.refs().get(0)).flatMap(FieldType::fromSqlType);
    }
}
