package qoegraph.model;

/** The GraphQL type a metric has when its file does not say. */
final class MetricTypes {
    private MetricTypes() {
    }

    /** The type implied by the aggregation, or null when it depends on the expression and cannot be inferred. */
    static FieldType defaultType(Aggregation aggregation, Expr sql, Scope scope) {
        switch (aggregation) {
            case COUNT: case COUNT_IF: case COUNT_DISTINCT:
                return FieldType.LONG;
            case AVG: case STDDEV: case QUANTILE: case RATIO:
                return FieldType.FLOAT;
            case SUM:
                FieldType summed = sql == null ? null : scope.inferType(sql).orElse(null);
                if (summed == null) {
                    return null;
                }
                return summed.isIntegral() ? FieldType.LONG : summed;
            default:
                return sql == null ? null : scope.inferType(sql).orElse(null);
        }
    }
}
