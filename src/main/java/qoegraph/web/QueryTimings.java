package qoegraph.web;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Set;

/**
 * Times every dataset root field, from its fetch to its rows: the Timer {@code qoegraph.query} tagged with the
 * dataset and the outcome (ok, error) gives query counts and latencies by dataset on /prometheus.
 */
final class QueryTimings extends SimplePerformantInstrumentation {
    static final String TIMER = "qoegraph.query";

    private final MeterRegistry registry;
    private final Set<String> datasets;

    QueryTimings(MeterRegistry registry, Set<String> datasets) {
        this.registry = registry;
        this.datasets = Set.copyOf(datasets);
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        String field = parameters.getField().getName();
        // called for every value of every row: the name first, the step info (built on demand) only for a dataset's
        if (!datasets.contains(field) || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return SimpleInstrumentationContext.noOp();
        }
        Timer.Sample sample = Timer.start(registry);
        return SimpleInstrumentationContext.whenCompleted((value, failure) -> sample.stop(Timer.builder(TIMER)
                .description("dataset root fields answered: count and time, by dataset")
                .tag("dataset", field).tag("outcome", failure == null ? "ok" : "error").register(registry)));
    }
}
