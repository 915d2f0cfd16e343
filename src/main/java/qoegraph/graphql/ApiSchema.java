package qoegraph.graphql;

import qoegraph.graphql.errors.ErrorHandler;
import qoegraph.graphql.fetch.CatalogSchema;
import qoegraph.graphql.fetch.DatasetFetcher;
import qoegraph.graphql.fetch.Engine;
import qoegraph.graphql.fetch.KnownValues;
import qoegraph.graphql.fetch.ReportFields;
import qoegraph.graphql.fetch.SelectionMapper;
import qoegraph.graphql.limits.OperationInstrumentation;
import qoegraph.graphql.limits.OperationLimits;
import qoegraph.graphql.limits.ParsedDocuments;
import qoegraph.graphql.limits.QueryCost;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.graphql.schema.ApiScalars;
import qoegraph.graphql.schema.SchemaGenerator;
import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import qoegraph.cache.ResultCache;
import qoegraph.catalog.CatalogReader;
import qoegraph.engine.QueryEngine;
import qoegraph.model.Model;
import qoegraph.report.Reports;
import qoegraph.rollup.Rollups;
import qoegraph.sql.SqlRunner;

import java.util.concurrent.Executor;

/**
 * The whole API: the dataset root fields generated from the model, the catalog, and the engine that
 * answers them with our error codes. The server and the SDL file are built from here, so they cannot differ.
 */
public final class ApiSchema {
    private ApiSchema() {
    }

    /** @param blocking where JDBC work runs: never the HTTP event loop */
    public static GraphQLSchema schema(Model model, QueryEngine engine, Executor blocking, QueryLimits limits) {
        return schema(model, Reports.none(), engine, blocking, limits);
    }

    /** The API with the report fields ({@code reports}, {@code catalog.reports}) of {@code reports}. */
    public static GraphQLSchema schema(Model model, Reports reports, QueryEngine engine, Executor blocking,
                                       QueryLimits limits) {
        return schema(model, reports, Rollups.none(), engine, blocking, limits);
    }

    /** The API answering from {@code rollups} when one serves a query, and listing them in {@code catalog.rollups}. */
    public static GraphQLSchema schema(Model model, Reports reports, Rollups rollups, QueryEngine engine,
                                       Executor blocking, QueryLimits limits) {
        return schema(model, reports, rollups, engine, blocking, limits, ResultCache.off());
    }

    /** The API keeping dataset and report answers in {@code cache} until the data changes; its catalog on the engine. */
    public static GraphQLSchema schema(Model model, Reports reports, Rollups rollups, QueryEngine engine,
                                       Executor blocking, QueryLimits limits, ResultCache cache) {
        return schema(model, reports, rollups, engine, new CatalogReader(engine.connections()), blocking, limits, cache);
    }

    /**
     * @param engine  where the dataset and report statements run, compiled in its dialect
     * @param catalog the ingest's bookkeeping, on the embedded DuckDB whatever the engine
     */
    public static GraphQLSchema schema(Model model, Reports reports, Rollups rollups, QueryEngine engine,
                                       CatalogReader catalog, Executor blocking, QueryLimits limits, ResultCache cache) {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query")
                .description("qoegraph: analytics over P2P delivery sessions and the UCN study logs. One root field"
                        + " per dataset: select dimensions to group by and metrics to aggregate.");
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        SqlRunner runner = limits.runner(engine.statements());
        Engine walk = Engine.of(model, engine.dialect(), runner, limits.maxRows(), rollups);
        KnownValues knownValues = new KnownValues(model, walk, cache);
        new SchemaGenerator(model, limits.maxRows()).addTo(query, code,
                dataset -> new DatasetFetcher(new SelectionMapper(dataset), walk, cache, blocking, knownValues));
        new ReportFields(reports, runner, limits.maxRows(), blocking, cache, knownValues).addTo(query, code);
        new CatalogSchema(catalog, blocking, model, reports).rollups(rollups).knownValues(knownValues).addTo(query, code);
        return ApiScalars.withExactFloats(GraphQLSchema.newSchema().query(query).codeRegistry(code.build())
                .additionalType(ApiScalars.LONG).additionalType(ApiScalars.DATE_TIME).build());
    }

    /** The engine under the default operation limits. */
    public static GraphQL graphQL(GraphQLSchema schema) {
        return graphQL(schema, OperationLimits.DEFAULTS);
    }

    /**
     * The engine: the limits refuse a request before anything runs (parser, depth, complexity, good-faith
     * introspection); fetcher exceptions, graphql-java's own validation errors and the limits' refusals all leave
     * with a code ({@link ErrorCodeInstrumentation} comes last, after the limits), all in one
     * {@link OperationInstrumentation}. A query text seen before is not parsed and validated again
     * ({@link ParsedDocuments}).
     */
    public static GraphQL graphQL(GraphQLSchema schema, OperationLimits limits) {
        return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ErrorHandler())
                .instrumentation(new OperationInstrumentation(limits, QueryCost.of(schema)))
                .preparsedDocumentProvider(new ParsedDocuments()).build();
    }
}
