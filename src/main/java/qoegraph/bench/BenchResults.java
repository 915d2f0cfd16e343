package qoegraph.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, and their Markdown section for BENCHMARKS.md. */
public record BenchResults(BenchOptions options, Machine machine, Instant date, Load load,
                           List<IngestBench.Figures> ingest, Latencies transport, List<LatencyRow> latency,
                           List<RollupRow> rollups, List<KeyBench.Row> keys, List<RpsRow> rps, Footprint footprint) {

    /** The machine's load average (1 minute) when the run started and ended: other work on it slows every figure. */
    record Load(double atStart, double atEnd) {
    }

    /**
     * One query of the mix: over HTTP (GraphQL, cache off) and its SQL over JDBC, prepared each time ({@code jdbc})
     * and on a kept statement ({@code jdbcKept}, as the server runs it: the overhead is counted from there).
     */
    record LatencyRow(String name, String servedBy, int rows, Latencies http, Latencies jdbc, Latencies jdbcKept) {
        double overheadMillis() {
            return http.p50() - jdbcKept.p50();
        }
    }

    record RollupRow(String name, String servedBy, Latencies rollup, Latencies base) {
    }

    record RpsRow(boolean cached, LoadRunner.Result result) {
    }

    /**
     * @param firstAnswer from starting the child JVM on the existing database to its first answer
     * @param memory      the child server's heap and resident memory under 8 clients
     * @param gzBytes     the source files gzipped
     */
    record Footprint(Duration firstAnswer, MemorySampler.Memory memory, long dbBytes, long gzBytes) {
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        long sessions = ingest.get(0).rows();
        long study = ingest.get(1).rows();
        line(md, "## Scale %d: %,d sessions rows, study logs at scale %s (%,d rows)", options.scale(), sessions,
                options.studyScale(), study);
        line(md, "");
        line(md, "Measured %s on %s.  ", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(date.atOffset(ZoneOffset.UTC)),
                machine.describe());
        line(md, "Load average (1 min, other processes included) %.1f at the start, %.1f at the end.  ", load.atStart(),
                load.atEnd());
        line(md, "Reproduce: `%s`", options.command());
        line(md, "");
        ingestTable(md);
        latencyTable(md);
        rollupTable(md);
        keyTable(md);
        rpsTable(md);
        footprintTable(md);
        return md.toString();
    }

    /** The ingest table alone (benchmark --only ingest), with the load average around it. */
    static String ingestSection(BenchOptions options, Load load, List<IngestBench.Figures> ingest) {
        StringBuilder md = new StringBuilder();
        line(md, "Load average (1 min, other processes included) %.1f at the start, %.1f at the end.", load.atStart(),
                load.atEnd());
        line(md, "");
        ingestTable(md, options, ingest);
        return md.toString();
    }

    private void ingestTable(StringBuilder md) {
        ingestTable(md, options, ingest);
    }

    private static void ingestTable(StringBuilder md, BenchOptions options, List<IngestBench.Figures> ingest) {
        line(md, "### Ingest against DuckDB's read_csv on the same files (median of %d)", options.ingestRuns());
        line(md, "");
        line(md, "| source | rows | ingest s | ingest rows/s | read_csv s | read_csv rows/s | ingest / read_csv speed |");
        line(md, "|---|--:|--:|--:|--:|--:|--:|");
        for (IngestBench.Figures f : ingest) {
            line(md, "| %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %.0f%% |", f.source(), f.rows(), f.ingest().p50() / 1e3,
                    f.ingestRowsPerSecond(), f.floor().p50() / 1e3, f.floorRowsPerSecond(), 100 * f.ratio());
        }
        line(md, "");
    }

    private void latencyTable(StringBuilder md) {
        line(md, "### Query mix: GraphQL over HTTP (cache off) against the same SQL over JDBC, in one process");
        line(md, "");
        line(md, "JDBC prepared: a connection, prepare, bind, read, as a plain client does. JDBC kept: bind and read a"
                + " statement prepared before, as the server's statement pool does; the overhead is HTTP minus JDBC kept.");
        line(md, "");
        line(md, "| query | served by | rows | HTTP p50 ms | HTTP p95 ms | JDBC prepared p50 ms | JDBC kept p50 ms"
                + " | JDBC kept p95 ms | HTTP / JDBC prepared p50 | overhead p50 ms |");
        line(md, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (LatencyRow r : latency) {
            line(md, "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", r.name(), r.servedBy(), r.rows(),
                    r.http().p50(), r.http().p95(), r.jdbc().p50(), r.jdbcKept().p50(), r.jdbcKept().p95(),
                    r.http().p50() / r.jdbc().p50(), r.overheadMillis());
        }
        line(md, "");
        line(md, "The HTTP round trip alone, `{ __typename }` (no data fetched): p50 %.2f ms, p95 %.2f ms.", transport.p50(),
                transport.p95());
        line(md, "");
    }

    private void rollupTable(StringBuilder md) {
        line(md, "### Rollup against base table, same query planned with and without rollups (JDBC, kept statements, as the server runs them)");
        line(md, "");
        line(md, "| query | planned on | rollup p50 ms | rollup p95 ms | base table p50 ms | base table p95 ms | base / rollup |");
        line(md, "|---|---|--:|--:|--:|--:|--:|");
        for (RollupRow r : rollups) {
            line(md, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.1fx |", r.name(), r.servedBy(), r.rollup().p50(),
                    r.rollup().p95(), r.base().p50(), r.base().p95(), r.base().p50() / r.rollup().p50());
        }
        line(md, "");
    }

    private void keyTable(StringBuilder md) {
        line(md, "### ENUM against text keys: the peer comparison's queries in plain DuckDB, sessions with isp and browser"
                + " as ingested (%s) and as VARCHAR (JDBC, kept statements, copies written alike, interleaved)",
                keys.isEmpty() ? "?" : keys.get(0).keyType());
        line(md, "");
        line(md, "| query | ENUM keys p50 ms | ENUM keys p95 ms | VARCHAR keys p50 ms | VARCHAR keys p95 ms | VARCHAR / ENUM |");
        line(md, "|---|--:|--:|--:|--:|--:|");
        for (KeyBench.Row r : keys) {
            line(md, "| %s | %.2f | %.2f | %.2f | %.2f | %.2fx |", r.name(), r.enumKeys().p50(), r.enumKeys().p95(),
                    r.textKeys().p50(), r.textKeys().p95(), r.textKeys().p50() / r.enumKeys().p50());
        }
        line(md, "");
    }

    private void rpsTable(StringBuilder md) {
        line(md, "### Requests per second, the query mix round robin, %d s per row", options.loadTime().toSeconds());
        line(md, "");
        line(md, "| clients | cache | requests | requests/s | p50 ms | p99 ms | errors |");
        line(md, "|--:|---|--:|--:|--:|--:|--:|");
        for (RpsRow r : rps) {
            LoadRunner.Result x = r.result();
            line(md, "| %d | %s | %,d | %,.1f | %.2f | %.2f | %d |", x.clients(), r.cached() ? "on" : "off", x.requests(),
                    x.perSecond(), x.latencies().p50(), x.latencies().p99(), x.errors());
        }
        line(md, "");
    }

    private void footprintTable(StringBuilder md) {
        line(md, "### Server in its own JVM on the database: start-up, memory under 8 clients, sizes");
        line(md, "");
        line(md, "| start to first answer s | heap used max MB | resident max MB | database MB | sources gzipped MB | database / gzipped |");
        line(md, "|--:|--:|--:|--:|--:|--:|");
        MemorySampler.Memory m = footprint.memory();
        line(md, "| %.2f | %s | %s | %.1f | %.1f | %.2f |", footprint.firstAnswer().toMillis() / 1e3, mb(m.heapMaxBytes()),
                mb(m.rssMaxBytes()), footprint.dbBytes() / 1e6, footprint.gzBytes() / 1e6,
                (double) footprint.dbBytes() / footprint.gzBytes());
        line(md, "");
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1e6);
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * DuckDB and Trino side by side on the same ingested files: each query of the mix over HTTP (cache off), and each
     * rollup comparison over JDBC; Trino's ratio to DuckDB, so that a shared, loaded machine still shows the relation.
     */
    static String engines(List<LatencyRow> duckdb, List<LatencyRow> trino, List<RollupRow> duckdbRollups,
                          List<RollupRow> trinoRollups, double trinoReadySeconds) {
        StringBuilder md = new StringBuilder();
        line(md, "");
        line(md, "### DuckDB and Trino side by side (the same files; Trino: a local 3-node cluster in one JVM)");
        line(md, "");
        line(md, "The Trino server's first start (lake written, Hive tables declared, rollups built in Trino): %.1f s.",
                trinoReadySeconds);
        line(md, "");
        line(md, "| query | DuckDB served by | Trino served by | DuckDB HTTP p50 ms | Trino HTTP p50 ms | Trino HTTP p95 ms"
                + " | Trino / DuckDB p50 |");
        line(md, "|---|---|---|---:|---:|---:|---:|");
        for (int i = 0; i < Math.min(duckdb.size(), trino.size()); i++) {
            LatencyRow d = duckdb.get(i);
            LatencyRow t = trino.get(i);
            line(md, "| %s | %s | %s | %.2f | %.2f | %.2f | %.1fx |", d.name(), d.servedBy(), t.servedBy(), d.http().p50(),
                    t.http().p50(), t.http().p95(), t.http().p50() / d.http().p50());
        }
        line(md, "");
        line(md, "| query (JDBC) | DuckDB rollup p50 ms | DuckDB base p50 ms | Trino rollup p50 ms | Trino base p50 ms"
                + " | Trino base / rollup |");
        line(md, "|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < Math.min(duckdbRollups.size(), trinoRollups.size()); i++) {
            RollupRow d = duckdbRollups.get(i);
            RollupRow t = trinoRollups.get(i);
            line(md, "| %s | %.2f | %.2f | %.2f | %.2f | %.1fx |", d.name(), d.rollup().p50(), d.base().p50(),
                    t.rollup().p50(), t.base().p50(), t.base().p50() / t.rollup().p50());
        }
        return md.toString();
    }
}
