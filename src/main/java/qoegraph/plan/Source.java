package qoegraph.plan;

/**
 * Where a plan reads its rows: the dataset's base table, or a rollup (an aggregate table that
 * {@link RollupMatcher} found able to answer the query exactly).
 */
public sealed interface Source permits Source.Table, Source.RollupTable {
    /** What served the query, for the response's extensions: {@code "table"} or {@code "rollup"}. */
    String kind();

    /** The table or rollup name. */
    String name();

    /** The relation the SQL reads. */
    default String relation() {
        return name();
    }

    /** The dataset's own table, aggregated in the query. */
    record Table(String name) implements Source {
        @Override
        public String kind() {
            return "table";
        }
    }

    /** A rollup's table, re-aggregated in the query. */
    record RollupTable(String name, String table) implements Source {
        @Override
        public String kind() {
            return "rollup";
        }

        @Override
        public String relation() {
            return table;
        }
    }
}
