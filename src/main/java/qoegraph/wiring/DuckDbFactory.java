package qoegraph.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import qoegraph.engine.QueryEngine;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.engine.trino.Trino;
import qoegraph.graphql.limits.QueryLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One DuckDB database per process, the ingest's store; and the engine that answers queries: that same database, or
 * Trino ({@code qoegraph.engine: trino}).
 */
@Factory
public class DuckDbFactory {
    /** Idle connections kept: as many as statements may run at once, within reason when that cap is off. */
    static final int MAX_IDLE_CONNECTIONS = 32;

    @Singleton
    @Bean(preDestroy = "close")
    public DuckDb duckdb(QoegraphConfig config) {
        Path file = config.database().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            return DuckDb.open("jdbc:duckdb:" + file);
        } catch (IOException | SQLException e) {
            throw new ConfigurationException(openFailure(file, e), e);
        }
    }

    /**
     * The engine answering queries, its statements' connections kept open with their prepared statements. Closed at
     * shutdown before the database it depends on (Micronaut destroys dependents first): an open connection keeps
     * the file locked.
     */
    @Singleton
    @Bean(preDestroy = "close")
    public QueryEngine queryEngine(QoegraphConfig config, TrinoConfig trino, DuckDb duckdb, QueryLimits limits) {
        int idle = Math.min(limits.gate().maxConcurrent(), MAX_IDLE_CONNECTIONS);
        return config.trino() ? new Trino(trino.settings(), idle) : duckdb.engine(idle);
    }

    private static String openFailure(Path file, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock")) {
            return "Cannot open the database " + file + ": another qoegraph process holds it"
                    + " (DuckDB allows one writer process). Stop it, or set qoegraph.database to another file.";
        }
        return "Cannot open the database " + file + ": " + message;
    }
}
