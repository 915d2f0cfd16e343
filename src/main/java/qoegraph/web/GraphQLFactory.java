package qoegraph.web;

import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBConnection;
import qoegraph.catalog.CatalogReader;
import qoegraph.graphql.CatalogSchema;
import qoegraph.graphql.ErrorHandler;

import java.util.concurrent.ExecutorService;

/** Builds the GraphQL schema and engine served at /graphql by micronaut-graphql. */
@Factory
public class GraphQLFactory {

    @Singleton
    public GraphQLSchema schema(DuckDBConnection duckdb, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query")
                .description("qoegraph: analytics over P2P delivery sessions and the UCN study logs.");
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        new CatalogSchema(new CatalogReader(duckdb), blocking).addTo(query, code);
        return GraphQLSchema.newSchema().query(query).codeRegistry(code.build()).build();
    }

    @Singleton
    public GraphQL graphQL(GraphQLSchema schema) {
        return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ErrorHandler()).build();
    }
}
