package qoegraph.wiring;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import qoegraph.engine.QueryEngine;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.admin.DataAdmin;
import qoegraph.cache.DataVersion;
import qoegraph.ingest.Ingester;
import qoegraph.rollup.Rollups;
import qoegraph.security.SecurityConfig;

/** The admin operations behind the mutations, reading files only from {@code qoegraph.security.ingest-dir}. */
@Factory
public class AdminFactory {

    @Singleton
    public DataAdmin dataAdmin(Ingester ingester, Rollups rollups, DataVersion version, QueryEngine engine, DuckDb duckdb,
                               SecurityConfig security) {
        return new DataAdmin(ingester, rollups, version, engine.connections(), duckdb.connections(),
                security.ingestDir());
    }
}
