package qoegraph.graphql.fetch;

import qoegraph.graphql.schema.ApiScalars;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static qoegraph.graphql.schema.FieldDocs.documented;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qoegraph.rollup.RollupStatus;
import qoegraph.rollup.Rollups;

/** {@code catalog.rollups}: each rollup with its dataset, dimensions, metrics, size and build. */
final class RollupCatalogFields {
    private RollupCatalogFields() {
    }

    static GraphQLFieldDefinition field() {
        return newFieldDefinition().name("rollups")
                .description("The rollups (queries/rollups/*.sql): aggregate tables the planner answers from when"
                        + " they can answer a query exactly; rebuilt after each ingest.")
                .type(nonNull(list(nonNull(rollupType())))).build();
    }

    static DataFetcher<Object> fetcher(Rollups rollups) {
        return env -> rollups.statuses().stream().map(RollupCatalogFields::data).toList();
    }

    /**
     * {@code Rollup.inUse}, read when asked: a rollup is built but not in use while an ingest has withdrawn the
     * rollups (the planner reads the base tables until they are rebuilt), which {@code built} alone does not say.
     */
    static DataFetcher<Object> inUse(Rollups rollups) {
        return env -> Boolean.TRUE.equals(((Map<?, ?>) env.getSource()).get("built")) && !rollups.withdrawn();
    }

    static Map<String, Object> data(RollupStatus s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", s.name());
        map.put("dataset", s.dataset());
        map.put("dimensions", s.dimensions());
        map.put("metrics", List.copyOf(s.rollup().metrics()));
        map.put("built", s.builtAt() != null);
        map.put("rows", s.builtAt() == null ? null : s.rows());
        map.put("bytes", s.bytes());
        map.put("builtAt", s.builtAt() == null ? null : s.builtAt().atOffset(ZoneOffset.UTC));
        map.put("buildMillis", s.builtAt() == null ? null : s.buildMillis());
        return map;
    }

    private static GraphQLObjectType rollupType() {
        return newObject().name("Rollup").description("An aggregate table over one dataset.")
                .field(documented("name", nonNull(GraphQLString), "Rollup name, as extensions name it."))
                .field(documented("dataset", nonNull(GraphQLString), "The dataset it aggregates."))
                .field(documented("dimensions", nonNull(list(nonNull(GraphQLString))),
                        "Dimensions it keeps; a time dimension with its granularity in UTC (ts:hour)."))
                .field(documented("metrics", nonNull(list(nonNull(GraphQLString))), "Metrics it can answer."))
                .field(documented("built", nonNull(graphql.Scalars.GraphQLBoolean),
                        "Whether it is built (it is not while the database holds no ingested files)."))
                .field(documented("inUse", nonNull(graphql.Scalars.GraphQLBoolean), "Whether the planner answers"
                        + " from it now: false while an ingest runs and until the rollups are rebuilt after it, when"
                        + " queries read the base tables."))
                .field(documented("rows", ApiScalars.LONG, "Rows in its table (count); null until built."))
                .field(documented("bytes", ApiScalars.LONG, "DuckDB's estimate of its table's size (bytes); null when unknown."))
                .field(documented("builtAt", ApiScalars.DATE_TIME, "When it was last built; null until built."))
                .field(documented("buildMillis", ApiScalars.LONG, "How long its last build took (milliseconds)."))
                .build();
    }

}
