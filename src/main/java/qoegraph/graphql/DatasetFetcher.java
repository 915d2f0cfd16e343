package qoegraph.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import qoegraph.cache.ResultCache;
import qoegraph.plan.Plan;
import qoegraph.query.Query;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SqlStatement;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Answers a dataset root field: its whole selection is one query, one SQL statement. Rows come back keyed
 * by result key (alias or name), which is what the row fields read. An answer already in the result cache
 * (same statement, same data version) is served from there without touching the database. Blocking: run it on the blocking
 * executor ({@link Fetchers#blocking}).
 */
final class DatasetFetcher implements DataFetcher<List<Map<String, Object>>> {
    private final SelectionMapper mapper;
    private final Engine engine;
    private final ResultCache cache;

    DatasetFetcher(SelectionMapper mapper, Engine engine, ResultCache cache) {
        this.mapper = mapper;
        this.engine = engine;
        this.cache = cache;
    }

    @Override
    public List<Map<String, Object>> get(DataFetchingEnvironment env) throws Exception {
        long started = System.nanoTime();
        Query query = mapper.toQuery(env.getSelectionSet().getImmediateFields(), env.getArguments());
        engine.validator().check(query);
        Plan plan = engine.planner().plan(query);
        SqlStatement statement = engine.compiler().compile(plan);
        ResultCache.Answer answer = cache.get(statement, () -> run(statement));
        QueryResult result = answer.result();
        FieldReport report = new FieldReport(plan.source(), result.rows().size(), result.truncated(),
                (System.nanoTime() - started) / 1_000_000, answer.cached(),
                RootArguments.debug(env.getArguments()) ? statement : null);
        report.addTo(env);
        return result.rows();
    }

    private QueryResult run(SqlStatement statement) throws Exception {
        try (Connection connection = engine.duckdb().duplicate()) {
            return engine.runner().run(connection, statement);
        }
    }

    /** Row fields read their value from the row map by result key, so aliases of one field stay apart. */
    static Object rowValue(DataFetchingEnvironment env) {
        Map<?, ?> row = env.getSource();
        return row.get(env.getField().getResultKey());
    }
}
