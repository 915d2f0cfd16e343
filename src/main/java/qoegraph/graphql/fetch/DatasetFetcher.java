package qoegraph.graphql.fetch;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import qoegraph.cache.ResultCache;
import qoegraph.plan.Plan;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SqlStatement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Answers a dataset root field: its whole selection is one query, one SQL statement. Rows come back keyed
 * by result key (alias or name), which is what the row fields read. An answer already in the result cache
 * (same statement, same data version) is served from there without touching the database; a statement that
 * must run goes to the blocking executor.
 */
public final class DatasetFetcher implements DataFetcher<CompletableFuture<List<Map<String, Object>>>> {
    private final SelectionMapper mapper;
    private final QueryWalk walk;
    private final ResultCache cache;
    private final Executor blocking;
    private final KnownValues knownValues;

    /**
     * @param blocking where statements run: never the HTTP event loop
     * @param knownValues the values text filters are checked against (a value matching none gets a warning)
     */
    public DatasetFetcher(SelectionMapper mapper, QueryWalk walk, ResultCache cache, Executor blocking, KnownValues knownValues) {
        this.mapper = mapper;
        this.walk = walk;
        this.cache = cache;
        this.blocking = blocking;
        this.knownValues = knownValues;
    }

    /**
     * Maps, checks, plans and compiles on the calling thread (CPU only, microseconds); a cache hit is answered
     * there too, and only a statement to run goes to the blocking executor: a hit costs no thread hop. A query
     * whose text filters are checked against known values (which may take a statement) goes there too.
     */
    @Override
    public CompletableFuture<List<Map<String, Object>>> get(DataFetchingEnvironment env) {
        long started = System.nanoTime();
        Query query = mapper.toQuery(env.getSelectionSet().getImmediateFields(), env.getArguments());
        walk.validator().check(query);
        Plan plan = walk.planner().plan(query);
        SqlStatement statement = walk.compiler().compile(plan);
        QueryResult hit = cache.hit(statement);
        if (hit != null && !knownValues.checks(query)) {
            return CompletableFuture.completedFuture(answer(env, plan, statement, new ResultCache.Answer(hit, true),
                    List.of(), started));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<Map<String, Object>> warnings = knownValues.warnings(query);
                return answer(env, plan, statement, cache.get(statement, () -> walk.runner().run(statement)),
                        warnings, started);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);   // as graphql-java's AsyncDataFetcher does: the error handler unwraps it
            }
        }, blocking);
    }

    private static List<Map<String, Object>> answer(DataFetchingEnvironment env, Plan plan, SqlStatement statement,
                                                    ResultCache.Answer answer, List<Map<String, Object>> warnings,
                                                    long started) {
        QueryResult result = answer.result();
        FieldExtensions report = new FieldExtensions(plan.source(), result.rows().size(), result.truncated(),
                (System.nanoTime() - started) / 1_000_000, answer.cached(),
                RootArguments.debug(env.getArguments()) ? statement : null, warnings);
        report.addTo(env);
        return RowStreams.offer(env, result.rows()) ? List.of() : result.rows();   // handed to the HTTP writer
    }
}
