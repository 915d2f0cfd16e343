package qoegraph.graphql.schema;

import qoegraph.model.FieldType;
import qoegraph.query.Operator;

/** The docs-pane text of each filter operator. */
final class OperatorDocs {
    private OperatorDocs() {
    }

    static String describe(Operator op, FieldType type) {
        if (type.isList()) {
            return op == Operator.CONTAINS ? "The list holds this element." : "true: the value is missing; false: it is present.";
        }
        return switch (op) {
            case EQ -> "Equal to.";
            case NEQ -> "Not equal to (missing values do not match).";
            case IN -> "Equal to one of the values.";
            case NIN -> "Equal to none of the values (missing values do not match).";
            case GT -> "Greater than.";
            case GTE -> "Greater than or equal to.";
            case LT -> "Less than.";
            case LTE -> "Less than or equal to.";
            case BETWEEN -> "Between [low, high], both included.";
            case IS_NULL -> "true: the value is missing; false: it is present.";
            case LIKE -> "SQL LIKE pattern, case-sensitive: % any text, _ one character.";
            case ILIKE -> "SQL LIKE pattern, case-insensitive: % any text, _ one character.";
            case CONTAINS -> "Contains this text, case-sensitive (% and _ are plain characters).";
            case STARTS_WITH -> "Starts with this text, case-sensitive.";
            case ENDS_WITH -> "Ends with this text, case-sensitive.";
            case IN_RANGE -> "In [from, to): from included, to excluded. Times with an offset, e.g."
                    + " [\"2015-03-29T00:00:00+01:00\", \"2015-03-30T00:00:00+02:00\"].";
        };
    }
}
