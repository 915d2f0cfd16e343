package qoegraph.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import qoegraph.graphql.limits.QueryLimits;
import qoegraph.sql.QueryGate;
import qoegraph.engine.QueryEngine;
import qoegraph.sql.Statements;

/**
 * The concurrency cap on /prometheus: statements running and waiting for a turn, and the cap itself, so that
 * BUSY answers can be told apart from a slow database; and the statement pool: how often a statement was prepared
 * and how often a kept one was reused (Micronaut binds every MeterBinder bean).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class GateMetrics implements MeterBinder {
    private final QueryGate gate;
    private final Statements pool;

    public GateMetrics(QueryLimits limits, QueryEngine engine) {
        this.gate = limits.gate();
        this.pool = engine.statements();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qoegraph.statements.running", gate, QueryGate::running)
                .description("statements running now (dataset and report fields)").register(registry);
        Gauge.builder("qoegraph.statements.waiting", gate, QueryGate::waiting)
                .description("statements waiting for a turn; beyond busy-wait they answer BUSY").register(registry);
        Gauge.builder("qoegraph.statements.max", gate, QueryGate::maxConcurrent)
                .description("the cap: qoegraph.limits.max-concurrent-queries").register(registry);
        FunctionCounter.builder("qoegraph.statements.prepared", pool, p -> p.stats().prepared())
                .description("statements prepared: a query shape the pooled connection had not kept (every run on Trino)").register(registry);
        FunctionCounter.builder("qoegraph.statements.reused", pool, p -> p.stats().reused())
                .description("statements run from a kept prepared statement, only bound").register(registry);
        Gauge.builder("qoegraph.connections.idle", pool, Statements::idle)
                .description("engine connections kept open between statements").register(registry);
    }
}
