/**
 * The benchmark harness ({@code java -jar qoegraph.jar benchmark}) and the load test ({@code loadtest}): data
 * generated at a scale, ingest against DuckDB's own {@code read_csv}, a fixed query mix over HTTP against the same
 * SQL over JDBC, rollup against base table, requests per second, memory and start-up time; figures only, no
 * assertions. Both commands share one HTTP client ({@link qoegraph.bench.GraphQLClient}) and one load runner.
 */
package qoegraph.bench;
