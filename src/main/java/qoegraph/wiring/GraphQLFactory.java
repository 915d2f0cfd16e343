package qoegraph.wiring;

import graphql.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import qoegraph.admin.DataAdmin;
import qoegraph.cache.ResultCache;
import qoegraph.catalog.CatalogReader;
import qoegraph.engine.QueryEngine;
import qoegraph.graphql.GraphQLApi;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.report.Reports;
import qoegraph.rollup.Rollups;
import qoegraph.security.StaticTokenValidator;

/** Builds the model, the reports, and the GraphQL engine served at /graphql ({@link GraphQLApi}). */
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
     * has created: {@link TablesReady}) and checked against its declared columns: a bad file stops the start with
     * file and line ({@code @Context}: checked at start-up, not at the first request).
     */
    @Context
    public Reports reports(QoegraphConfig config, TablesReady tables) throws SQLException {
        QueryEngine engine = tables.engine();
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

    /**
     * The query API with the per-dataset timer on /prometheus, and the admin mutations: on only when an admin token
     * is configured.
     */
    @Singleton
    public GraphQL graphQL(Model model, QueryEngine engine, Reports reports, Rollups rollups, ResultCache cache,
                           CatalogReader catalog, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                           QueryLimits queryLimits, LimitsConfig limits, DataAdmin admin, StaticTokenValidator tokens,
                           MeterRegistry registry) {
        QueryTimings timings = new QueryTimings(registry, model.datasets().keySet());
        return GraphQLApi.over(model, engine).reports(reports).rollups(rollups).cache(cache).catalog(catalog)
                .blocking(blocking).limits(queryLimits, limits.toOperationLimits())
                .mutations(tokens.tokens().adminConfigured() ? admin : null)
                .wrapFetchers(timings::timed).build();
    }
}
