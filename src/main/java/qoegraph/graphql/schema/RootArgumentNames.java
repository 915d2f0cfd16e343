package qoegraph.graphql.schema;

/** The arguments of a dataset root field by name: {@link SchemaGenerator} declares them, the fetchers read them. */
public final class RootArgumentNames {
    public static final String WHERE = "where";
    public static final String HAVING = "having";
    public static final String ORDER_BY = "orderBy";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    public static final String TIMEZONE = "timezone";
    public static final String TOP = "top";
    public static final String DEBUG = "debug";
    public static final String INCLUDE_EMPTY = "includeEmpty";
    public static final String SUBTOTALS = "subtotals";

    private RootArgumentNames() {
    }
}
