package qoegraph.web;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBConnection;
import qoegraph.graphql.ApiSchema;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;

import java.util.concurrent.ExecutorService;

/** Builds the model, the GraphQL schema generated from it, and the engine served at /graphql by micronaut-graphql. */
@Factory
public class GraphQLFactory {

    /** The datasets of {@code <queries-dir>/model}; a model error stops the start with every problem listed. */
    @Singleton
    public Model model(QoegraphConfig config) {
        return ModelLoader.load(config.queriesDir().resolve("model"));
    }

    @Singleton
    public GraphQLSchema schema(Model model, LimitsConfig limits, DuckDBConnection duckdb,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return ApiSchema.schema(model, duckdb, blocking, limits.toQueryLimits());
    }

    @Singleton
    public GraphQL graphQL(GraphQLSchema schema) {
        return ApiSchema.graphQL(schema);
    }
}
