package qoegraph.web;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBConnection;
import qoegraph.graphql.QueryLimits;
import qoegraph.sql.StatementPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One DuckDB database per process. Requests take {@code root.duplicate()} connections (stack.md):
 * sharing the root connection across threads would serialise every query.
 */
@Factory
public class DuckDbFactory {
    /** Idle connections kept: as many as statements may run at once, within reason when that cap is off. */
    static final int MAX_IDLE_CONNECTIONS = 32;

    @Singleton
    @Bean(preDestroy = "close")
    public DuckDBConnection duckdb(QoegraphConfig config) {
        Path file = config.database().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (IOException | SQLException e) {
            throw new ConfigurationException(openFailure(file, e), e);
        }
    }

    /**
     * The connections the API's statements run on, kept open with their prepared statements. Closed at shutdown
     * before the database it depends on (Micronaut destroys dependents first): an open connection keeps the file locked.
     */
    @Singleton
    @Bean(preDestroy = "close")
    public StatementPool statementPool(DuckDBConnection duckdb, QueryLimits limits) {
        int idle = Math.min(limits.gate().maxConcurrent(), MAX_IDLE_CONNECTIONS);
        return new StatementPool(duckdb::duplicate, idle, StatementPool.DEFAULT_STATEMENTS);
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
