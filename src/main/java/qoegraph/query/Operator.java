package qoegraph.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * Filter operators, named as in the API ({@code eq}, {@code startsWith}, ...). Values: {@code in}/{@code nin}
 * a list; {@code between} an inclusive [low, high] pair; {@code inRange} a half-open [from, to) pair;
 * {@code isNull} a boolean; the others one value.
 */
public enum Operator {
    EQ("eq"), NEQ("neq"), IN("in"), NIN("nin"),
    GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), BETWEEN("between"),
    IS_NULL("isNull"),
    LIKE("like"), ILIKE("ilike"), CONTAINS("contains"), STARTS_WITH("startsWith"), ENDS_WITH("endsWith"),
    IN_RANGE("inRange");

    private final String apiName;

    Operator(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Operator> fromApiName(String name) {
        return Arrays.stream(values()).filter(o -> o.apiName.equals(name)).findFirst();
    }

    /** Whether the value is a list ({@code in}, {@code nin}) or a pair ({@code between}, {@code inRange}). */
    public boolean takesList() {
        return this == IN || this == NIN || this == BETWEEN || this == IN_RANGE;
    }

    /** Whether the value is a pair. */
    public boolean takesPair() {
        return this == BETWEEN || this == IN_RANGE;
    }
}
