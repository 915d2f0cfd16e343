package qoegraph.wiring;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import qoegraph.engine.QueryEngine;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.engine.trino.Trino;
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
    public Ingester ingester(DuckDb duckdb, QoegraphConfig config, QueryEngine engine) {
        SourceTables tables = SourceTables.load(config.sourcesFile());
        Ingester ingester = new Ingester(duckdb.root(), tables, LOG::info);
        ingester.ensureSchema();
        if (engine instanceof Trino trino) {
            // every ingested file's rows go on to the lake Trino reads; at start, what an earlier run left out
            ingester.afterEachIngest(trino.lakeSync(tables.all()));
        }
        return ingester;
    }

    /** The engine behind the ingester that made its tables (the parameter is the order): reports and rollups use it. */
    @Singleton
    public TablesReady tablesReady(Ingester ingester, QueryEngine engine) {
        return new TablesReady(engine);
    }

    @Singleton
    public CatalogReader catalogReader(DuckDb duckdb) {
        return new CatalogReader(duckdb.connections());
    }
}
