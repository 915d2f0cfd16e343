package qoegraph.wiring;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import qoegraph.admin.DataAdmin;
import qoegraph.cache.ResultCache;
import qoegraph.catalog.CatalogReader;
import qoegraph.engine.QueryEngine;
import qoegraph.graphql.ApiSchema;
import qoegraph.graphql.fetch.MutationFields;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.model.Model;
import qoegraph.ingest.Ingester;
import qoegraph.model.ModelLoader;
import qoegraph.report.Reports;
import qoegraph.rollup.Rollups;
import qoegraph.security.StaticTokenValidator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

/** Builds the model, the GraphQL schema generated from it, and the engine served at /graphql by micronaut-graphql. */
@Factory
public class GraphQLFactory {

    /**
     * The datasets of {@code <queries-dir>/model}; a model error, or an expression the engine cannot run, stops the
     * start with every problem listed.
     */
    @Singleton
    public Model model(QoegraphConfig config, QueryEngine engine) {
        Model model = ModelLoader.load(config.queriesDir().resolve("model"));
        ModelLoader.checkExpressions(config.queriesDir().resolve("model"), engine.dialect().name(),
                engine.dialect()::unsupported);
        return model;
    }

    /**
     * The reports of {@code <queries-dir>/reports}, each prepared on the database (whose tables the ingester
     * has created) and checked against its declared columns: a bad file stops the start with file and line
     * ({@code @Context}: checked at start-up, not at the first request).
     */
    @Context
    public Reports reports(QoegraphConfig config, QueryEngine engine, Ingester ingester) throws SQLException {
        Reports reports = Reports.load(config.queriesDir().resolve("reports"), engine.dialect().name());
        try (Connection connection = engine.connections().open()) {
            return reports.check(connection, engine.dialect());
        }
    }

    /** The statement limits; one bean, so that every dataset and report field shares its gate. */
    @Singleton
    public QueryLimits queryLimits(LimitsConfig limits) {
        return limits.toQueryLimits();
    }

    /** The query API, and the admin mutations: on only when an admin token is configured. */
    @Singleton
    public GraphQLSchema schema(Model model, Reports reports, Rollups rollups, QueryLimits limits, QueryEngine engine,
                                CatalogReader catalog, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                ResultCache cache, DataAdmin admin, StaticTokenValidator tokens) {
        GraphQLSchema api = ApiSchema.schema(model, reports, rollups, engine, catalog, blocking, limits, cache);
        return MutationFields.addTo(api, tokens.tokens().adminConfigured() ? admin : null, blocking);
    }

    @Singleton
    public GraphQL graphQL(GraphQLSchema schema, LimitsConfig limits) {
        return ApiSchema.graphQL(schema, limits.toOperationLimits());
    }
}
