package qoegraph.plan;

/**
 * Where a plan reads its rows. Only base tables for now; a rollup source (an aggregate table that a
 * {@code RollupMatcher} found able to answer the query) is the next kind.
 */
public sealed interface Source permits Source.Table {
    /** What served the query, for the response's extensions: {@code "table"} or later {@code "rollup"}. */
    String kind();

    /** The table or rollup name. */
    String name();

    /** The dataset's own table, aggregated in the query. */
    record Table(String name) implements Source {
        @Override
        public String kind() {
            return "table";
        }
    }
}
