package qoegraph.web;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import qoegraph.engine.duckdb.DuckDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.catalog.CatalogReader;
import qoegraph.ingest.Ingester;
import qoegraph.model.SourceTables;

/** The ingester over the process's database (table layouts from queries/model/sources.yml) and its catalog. */
@Factory
public class IngestFactory {

    private static final Logger LOG = LoggerFactory.getLogger("qoegraph.ingest");

    @Singleton
    public Ingester ingester(DuckDb duckdb, QoegraphConfig config) {
        Ingester ingester = new Ingester(duckdb.root(), SourceTables.load(config.sourcesFile()), LOG::info);
        ingester.ensureSchema();
        return ingester;
    }

    @Singleton
    public CatalogReader catalogReader(DuckDb duckdb) {
        return new CatalogReader(duckdb.connections());
    }
}
