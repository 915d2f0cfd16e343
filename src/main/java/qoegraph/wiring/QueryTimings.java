package qoegraph.wiring;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Times every dataset root field, from its fetch to its rows: the Timer {@code qoegraph.query} tagged with the
 * dataset and the outcome (ok, error) gives query counts and latencies by dataset on /prometheus. The root fields'
 * fetchers are wrapped, rather than an instrumentation chained beside the engine's: graphql-java calls an
 * instrumentation at every field of every row, a chain of two at some cost per value (a tenth of a large answer's
 * CPU), to time a handful of root fields.
 */
final class QueryTimings {
    static final String TIMER = "qoegraph.query";

    private final MeterRegistry registry;
    private final Set<String> datasets;

    QueryTimings(MeterRegistry registry, Set<String> datasets) {
        this.registry = registry;
        this.datasets = Set.copyOf(datasets);
    }

    /** {@code schema} with each dataset root field's fetcher timed; types and everything else as they are. */
    GraphQLSchema timed(GraphQLSchema schema) {
        GraphQLObjectType query = schema.getQueryType();
        GraphQLCodeRegistry code = schema.getCodeRegistry();
        return schema.transformWithoutTypes(b -> b.codeRegistry(code.transform(c -> {
            for (String dataset : datasets) {
                GraphQLFieldDefinition field = query.getFieldDefinition(dataset);
                if (field != null) {
                    FieldCoordinates at = FieldCoordinates.coordinates(query, field);
                    c.dataFetcher(at, timed(dataset, code.getDataFetcher(at, field)));
                }
            }
        })));
    }

    private DataFetcher<?> timed(String dataset, DataFetcher<?> fetcher) {
        return env -> {
            Timer.Sample sample = Timer.start(registry);
            Object value;
            try {
                value = fetcher.get(env);
            } catch (Exception | Error e) {
                stop(sample, dataset, e);
                throw e;
            }
            if (value instanceof CompletionStage<?> pending) {
                return pending.whenComplete((rows, failure) -> stop(sample, dataset, failure));
            }
            stop(sample, dataset, null);
            return value;
        };
    }

    private void stop(Timer.Sample sample, String dataset, Throwable failure) {
        sample.stop(Timer.builder(TIMER).description("dataset root fields answered: count and time, by dataset")
                .tag("dataset", dataset).tag("outcome", failure == null ? "ok" : "error").register(registry));
    }
}
