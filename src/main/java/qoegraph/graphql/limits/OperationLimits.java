package qoegraph.graphql.limits;

/**
 * The limits a GraphQL operation is held to before anything runs: its text (parser), its shape (depth) and its
 * cost (complexity, see {@link QueryCost}), and good-faith introspection. Each one refused is TOO_COMPLEX.
 *
 * @param maxDepth                the deepest field nesting of a data query (introspection-only requests are held
 *                                to good-faith introspection instead)
 * @param maxComplexity           the most a query may cost ({@link QueryCost}: a dataset or report field costs
 *                                {@link QueryCost#STATEMENT}, any other field {@link QueryCost#FIELD})
 * @param maxTokens               the most grammar tokens in the query text (graphql-java's parser cancels beyond)
 * @param maxCharacters           the longest query text, in characters
 * @param goodFaithIntrospection  whether graphql-java's good-faith introspection check is on: __schema, __type and
 *                                __Type's fields, inputFields, interfaces and possibleTypes at most once each, at
 *                                most 500 fields and 20 levels when a request introspects
 */
public record OperationLimits(int maxDepth, int maxComplexity, int maxTokens, int maxCharacters,
                              boolean goodFaithIntrospection) {
    /** The defaults of application.yml. */
    public static final OperationLimits DEFAULTS = new OperationLimits(10, 200, 5_000, 100_000, true);

    public OperationLimits {
        atLeastOne("maxDepth", maxDepth);
        atLeastOne("maxComplexity", maxComplexity);
        atLeastOne("maxTokens", maxTokens);
        atLeastOne("maxCharacters", maxCharacters);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
