package qoegraph.query;

import java.util.EnumSet;
import java.util.Set;
import qoegraph.model.FieldType;

/** Which operators fit which field type. */
public final class OperatorRules {
    private static final Set<Operator> ANY = EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NIN,
            Operator.IS_NULL);
    private static final Set<Operator> ORDERED = EnumSet.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE,
            Operator.BETWEEN);
    private static final Set<Operator> TEXT = EnumSet.of(Operator.LIKE, Operator.ILIKE, Operator.CONTAINS,
            Operator.STARTS_WITH, Operator.ENDS_WITH);

    private OperatorRules() {
    }

    public static Set<Operator> allowed(FieldType type) {
        if (type.isList()) {
            return EnumSet.of(Operator.IS_NULL, Operator.CONTAINS);
        }
        Set<Operator> allowed = EnumSet.copyOf(ANY);
        if (type != FieldType.BOOLEAN) {
            allowed.addAll(ORDERED);
        }
        if (type == FieldType.STRING) {
            allowed.addAll(TEXT);
        }
        if (type == FieldType.DATE_TIME) {
            allowed.add(Operator.IN_RANGE);
        }
        return allowed;
    }
}
