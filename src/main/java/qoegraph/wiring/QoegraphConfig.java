package qoegraph.wiring;

import jakarta.validation.constraints.Pattern;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Where qoegraph keeps its files, and what it does on a first start. Every key can be set in
 * application.yml or as an environment variable (QOEGRAPH_DATABASE, QOEGRAPH_SAMPLE_SCALE, ...).
 *
 * @param database          the DuckDB database file (created when absent)
 * @param queriesDir        the folder of model files, rollups and reports
 * @param sampleDir         where the generated sample files go
 * @param sampleOnFirstStart generate and ingest the sample data when the database holds no data yet
 * @param sampleScale       volume of the generated study logs (1 = the published study); the sessions
 *                          file is always the published one
 * @param engine            the engine that answers queries: {@code duckdb} (the embedded database, the default) or
 *                          {@code trino} (see {@link TrinoConfig}); the ingest reads and checks files on DuckDB on both
 */
@ConfigurationProperties("qoegraph")
public record QoegraphConfig(
        @Bindable(defaultValue = "data/qoegraph.duckdb") Path database,
        @Bindable(defaultValue = "queries") Path queriesDir,
        @Bindable(defaultValue = "data/sample") Path sampleDir,
        @Bindable(defaultValue = "true") boolean sampleOnFirstStart,
        @Bindable(defaultValue = "0.1") double sampleScale,
        @Bindable(defaultValue = "duckdb") @Pattern(regexp = "duckdb|trino", message = "must be duckdb or trino")
        String engine) {

    public boolean trino() {
        return "trino".equals(engine);
    }

    public Path sourcesFile() {
        return queriesDir.resolve("model").resolve("sources.yml");
    }
}
