package qoegraph.difftest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.testsupport.TrinoTarget;

/**
 * The Trino engine over the same generated files as {@link RandomizedDifferentialTest}: the files ingested by the
 * real Ingester into DuckDB, each file's rows written to the lake as Parquet, Hive tables over them, the
 * repository's rollups built in Trino. Random queries are answered by Trino and checked against the plain-Java
 * oracle (through a rollup too, with the base table's answer checked as well), and the same random queries are
 * answered by both engines, whose answers must be equal: integers, decimals, strings and times exactly, doubles
 * to 1e-9 relative, in the same order wherever the order is determined.
 *
 * <p>Runs with a Trino given ({@link TrinoTarget}: {@code .ci/run} starts one with {@code src/trino-runner/run}).
 * The query count is {@code -Ddifftest.trino.queries=} per dataset (half for DNS and the synthetic files).
 */
@ExtendWith(GeneratedData.Resolver.class)
class TrinoDifferentialTest {
    static final int QUERIES = Integer.getInteger("difftest.trino.queries", 40);
    private static GeneratedData data;
    private static GeneratedData.Engine trino;

    @BeforeAll
    static void load(GeneratedData generated) throws Exception {
        assumeTrue(TrinoTarget.given(), "no Trino: set -Dqoegraph.trino.url and -Dqoegraph.trino.lake"
                + " (src/trino-runner/run starts one)");
        data = generated;
        long started = System.nanoTime();
        trino = data.onTrino(TrinoTarget.URL, Path.of(TrinoTarget.LAKE));
        System.out.printf("TrinoDifferentialTest seed %d on %s: lake written, tables declared, rollups built in %.1f s%n",
                RandomizedDifferentialTest.SEED, TrinoTarget.URL, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void sessionsQueriesOnTrinoAgreeWithTheOracle() {
        RandomizedDifferentialTest.check("sessions on Trino",
                on(trino, RandomizedDifferentialTest.sessionsSpec(data)), QUERIES, RandomizedDifferentialTest.SEED);
    }

    @Test
    void trafficQueriesOnTrinoAgreeWithTheOracle() {
        RandomizedDifferentialTest.check("traffic on Trino",
                on(trino, RandomizedDifferentialTest.trafficSpec(data)), QUERIES, RandomizedDifferentialTest.SEED + 1);
    }

    @Test
    void trafficAroundOffsetChangesOnTrinoAgreesWithTheOracle() {
        RandomizedDifferentialTest.check("synthetic traffic on Trino", on(data.syntheticOnTrino(),
                        RandomizedDifferentialTest.trafficSpec(data.synthetic, data.syntheticTraffic())), QUERIES / 2,
                RandomizedDifferentialTest.SEED + 2);
    }

    @Test
    void dnsQueriesOnTrinoAgreeWithTheOracle() {
        RandomizedDifferentialTest.check("dnsRequests on Trino",
                on(trino, RandomizedDifferentialTest.dnsSpec(data)), QUERIES / 2, RandomizedDifferentialTest.SEED + 3);
    }

    /** The same random queries on both engines: equal answers, through the rollups and from the tables. */
    @Test
    void bothEnginesGiveEqualAnswers() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        long seed = RandomizedDifferentialTest.SEED + 10;
        for (QueryGenerator.Spec spec : List.of(RandomizedDifferentialTest.sessionsSpec(data),
                RandomizedDifferentialTest.trafficSpec(data), RandomizedDifferentialTest.dnsSpec(data))) {
            QueryGenerator generator = new QueryGenerator(spec, seed++);
            for (int i = 0; i < QUERIES; i++) {
                QueryGenerator.Case c = generator.next();
                List<String> problems = equalAnswers(spec, c);
                compared++;
                if (!problems.isEmpty()) {
                    failures.add(spec.dataset() + " query #" + i + ": " + c.query() + "\n    "
                            + String.join("\n    ", problems));
                }
            }
        }
        System.out.printf("DuckDB and Trino: %d queries compared%n", compared);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + compared + " queries differ between DuckDB and Trino (rerun with"
                    + " -Ddifftest.seed=" + RandomizedDifferentialTest.SEED + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(12, failures.size()))));
        }
    }

    private static List<String> equalAnswers(QueryGenerator.Spec spec, QueryGenerator.Case c) {
        Query query = c.query();
        List<String> problems = new ArrayList<>();
        try {
            QueryResult duck = spec.engine().run(query);
            QueryResult onTrino = trino.run(query);
            if (duck.truncated() != onTrino.truncated()) {
                problems.add("truncated: DuckDB " + duck.truncated() + ", Trino " + onTrino.truncated());
            }
            if (c.expected().unstable() != null) {
                return problems; // values that rounding alone may change: both must only answer
            }
            ResultDiff diff = new ResultDiff(query, spec.oracle().metrics);
            boolean paged = query.offset() > 0 || query.limit() < c.expected().rows().size();
            if (c.expected().orderRobust() || !paged) {
                problems.addAll((c.expected().orderRobust() ? diff.inOrder(duck.rows(), onTrino.rows())
                        : diff.asMultiset(duck.rows(), onTrino.rows())).problems());
            } else {
                // a page of rows whose order ties decide: compare the whole answers
                Query whole = query.transform(b -> b.limit(QueryGenerator.MAX_LIMIT).offset(0));
                problems.addAll(diff.asMultiset(spec.engine().run(whole).rows(), trino.run(whole).rows()).problems());
            }
        } catch (Exception | AssertionError e) {
            problems.add("failed: " + e);
        }
        return problems;
    }

    /** The spec with its queries answered by {@code engine}. */
    private static QueryGenerator.Spec on(GeneratedData.Engine engine, QueryGenerator.Spec spec) {
        return new QueryGenerator.Spec(spec.dataset(), engine, spec.table(), spec.oracle(), spec.plainDimensions(),
                spec.widths(), spec.logBases(), spec.time(), spec.filterable(), spec.zones(), spec.rollup());
    }
}
