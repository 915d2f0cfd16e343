package qoegraph.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import qoegraph.graphql.QueryLimits;
import qoegraph.sql.QueryGate;

/**
 * The concurrency cap on /prometheus: statements running and waiting for a turn, and the cap itself, so that
 * BUSY answers can be told apart from a slow database (Micronaut binds every MeterBinder bean).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class GateMetrics implements MeterBinder {
    private final QueryGate gate;

    public GateMetrics(QueryLimits limits) {
        this.gate = limits.gate();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qoegraph.statements.running", gate, QueryGate::running)
                .description("DuckDB statements running now (dataset and report fields)").register(registry);
        Gauge.builder("qoegraph.statements.waiting", gate, QueryGate::waiting)
                .description("statements waiting for a turn; beyond busy-wait they answer BUSY").register(registry);
        Gauge.builder("qoegraph.statements.max", gate, QueryGate::maxConcurrent)
                .description("the cap: qoegraph.limits.max-concurrent-queries").register(registry);
    }
}
