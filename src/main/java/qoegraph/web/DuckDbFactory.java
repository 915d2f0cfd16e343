package qoegraph.web;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBConnection;

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

    private static String openFailure(Path file, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock")) {
            return "Cannot open the database " + file + ": another qoegraph process holds it"
                    + " (DuckDB allows one writer process). Stop it, or set qoegraph.database to another file.";
        }
        return "Cannot open the database " + file + ": " + message;
    }
}
