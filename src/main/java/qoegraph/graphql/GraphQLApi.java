package qoegraph.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import qoegraph.admin.DataAdmin;
import qoegraph.cache.ResultCache;
import qoegraph.catalog.CatalogReader;
import qoegraph.engine.QueryEngine;
import qoegraph.graphql.errors.ErrorHandler;
import qoegraph.graphql.fetch.CatalogSchema;
import qoegraph.graphql.fetch.DatasetFetcher;
import qoegraph.graphql.fetch.QueryWalk;
import qoegraph.graphql.fetch.KnownValues;
import qoegraph.graphql.fetch.MutationFields;
import qoegraph.graphql.fetch.ReportFields;
import qoegraph.graphql.fetch.SelectionMapper;
import qoegraph.graphql.limits.OperationInstrumentation;
import qoegraph.graphql.limits.OperationLimits;
import qoegraph.graphql.limits.ParsedDocuments;
import qoegraph.graphql.limits.QueryCost;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.graphql.schema.ApiScalars;
import qoegraph.graphql.schema.SchemaGenerator;
import qoegraph.model.Model;
import qoegraph.report.Reports;
import qoegraph.rollup.Rollups;
import qoegraph.sql.SqlRunner;

/**
 * The one place the GraphQL API is assembled: the schema (dataset root fields generated from the model, reports,
 * catalog, mutations) and the engine that answers it under our limits and error codes. The server, the SDL file and
 * the tests all build it here, so they cannot differ. Parts not given are off: no reports, no rollups, no cache, no
 * {@code Mutation} type.
 */
public final class GraphQLApi {
    private final Model model;
    private final QueryEngine engine;
    private Reports reports = Reports.none();
    private Rollups rollups = Rollups.none();
    private ResultCache cache = ResultCache.off();
    private CatalogReader catalog;
    private Executor blocking = Runnable::run;
    private QueryLimits limits = QueryLimits.defaults();
    private OperationLimits operationLimits = OperationLimits.DEFAULTS;
    private boolean mutations;
    private DataAdmin admin;
    private UnaryOperator<GraphQLSchema> wrapFetchers = UnaryOperator.identity();

    private GraphQLApi(Model model, QueryEngine engine) {
        this.model = model;
        this.engine = engine;
    }

    /** @param engine where the dataset and report statements run, compiled in its dialect */
    public static GraphQLApi over(Model model, QueryEngine engine) {
        return new GraphQLApi(model, engine);
    }

    /** The report fields ({@code reports}, {@code catalog.reports}). */
    public GraphQLApi reports(Reports reports) {
        this.reports = reports;
        return this;
    }

    /** Answers from a rollup when one serves a query; {@code catalog.rollups} lists them. */
    public GraphQLApi rollups(Rollups rollups) {
        this.rollups = rollups;
        return this;
    }

    /** Keeps dataset and report answers until the data changes. */
    public GraphQLApi cache(ResultCache cache) {
        this.cache = cache;
        return this;
    }

    /** The ingest's bookkeeping, on the embedded DuckDB whatever the engine; by default read on the engine. */
    public GraphQLApi catalog(CatalogReader catalog) {
        this.catalog = catalog;
        return this;
    }

    /** Where JDBC work runs: never the HTTP event loop. By default the calling thread. */
    public GraphQLApi blocking(Executor blocking) {
        this.blocking = blocking;
        return this;
    }

    public GraphQLApi limits(QueryLimits limits, OperationLimits operationLimits) {
        this.limits = limits;
        this.operationLimits = operationLimits;
        return this;
    }

    /**
     * Adds the admin mutations, {@code ingest} and {@code refreshRollups}.
     *
     * @param admin null: no admin token is configured, so they are in the schema but answer UNAUTHORIZED
     */
    public GraphQLApi mutations(DataAdmin admin) {
        this.mutations = true;
        this.admin = admin;
        return this;
    }

    /** A last change of the finished schema's fetchers, types untouched (the server's per-dataset timer). */
    public GraphQLApi wrapFetchers(UnaryOperator<GraphQLSchema> wrap) {
        this.wrapFetchers = wrap;
        return this;
    }

    public GraphQLSchema schema() {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query")
                .description("qoegraph: analytics over P2P delivery sessions and the UCN study logs. One root field"
                        + " per dataset: select dimensions to group by and metrics to aggregate.");
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        SqlRunner runner = limits.runner(engine.statements());
        QueryWalk walk = QueryWalk.of(model, engine.dialect(), runner, limits.maxRows(), rollups);
        KnownValues knownValues = new KnownValues(model, walk, cache);
        new SchemaGenerator(model, limits.maxRows()).addTo(query, code,
                dataset -> new DatasetFetcher(new SelectionMapper(dataset), walk, cache, blocking, knownValues));
        new ReportFields(reports, runner, limits.maxRows(), blocking, cache, knownValues).addTo(query, code);
        CatalogReader reader = catalog != null ? catalog : new CatalogReader(engine.connections());
        new CatalogSchema(reader, blocking, model, reports).rollups(rollups).knownValues(knownValues).addTo(query, code);
        GraphQLSchema api = ApiScalars.withExactFloats(GraphQLSchema.newSchema().query(query).codeRegistry(code.build())
                .additionalType(ApiScalars.LONG).additionalType(ApiScalars.DATE_TIME).build());
        return wrapFetchers.apply(mutations ? MutationFields.addTo(api, admin, blocking) : api);
    }

    /**
     * The engine: the limits refuse a request before anything runs (parser, depth, complexity, good-faith
     * introspection); fetcher exceptions, graphql-java's own validation errors and the limits' refusals all leave
     * with a code ({@link qoegraph.graphql.errors.ErrorCodeInstrumentation} comes last, after the limits), all in
     * one {@link OperationInstrumentation}. A query text seen before is not parsed and
     * validated again ({@link ParsedDocuments}).
     */
    public GraphQL build() {
        GraphQLSchema schema = schema();
        return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ErrorHandler())
                .instrumentation(new OperationInstrumentation(operationLimits, QueryCost.of(schema)))
                .preparsedDocumentProvider(new ParsedDocuments()).build();
    }
}
