package qoegraph.wiring;

import graphql.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import qoegraph.model.Model;

/**
 * What the web adds to the engine GraphQLFactory builds, without touching it: the per-dataset query timer, around
 * the dataset root fields' fetchers, so every way in (POST, GET, GraphiQL) gets it. Persisted queries are settled
 * before the engine, by the controller ({@link PersistedQueries}).
 */
@Singleton
public class GraphQLWebExtensions implements BeanCreatedEventListener<GraphQL> {
    private final BeanProvider<MeterRegistry> registry;
    private final BeanProvider<Model> model;

    public GraphQLWebExtensions(BeanProvider<MeterRegistry> registry, BeanProvider<Model> model) {
        this.registry = registry;
        this.model = model;
    }

    @Override
    public GraphQL onCreated(BeanCreatedEvent<GraphQL> event) {
        GraphQL engine = event.getBean();
        QueryTimings timings = new QueryTimings(registry.get(), model.get().datasets().keySet());
        return engine.transform(b -> b.schema(timings.timed(engine.getGraphQLSchema())));
    }
}
