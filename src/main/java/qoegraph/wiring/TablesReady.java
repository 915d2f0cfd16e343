package qoegraph.wiring;

import qoegraph.engine.QueryEngine;

/**
 * The query engine once the ingester has made the declared tables on it (created in DuckDB; on Trino, the lake
 * written). Reports and rollups are checked through this, never through the bare engine, so that Micronaut makes
 * the ingester first: start-up step 1 of docs/architecture.md.
 */
public record TablesReady(QueryEngine engine) {
}
