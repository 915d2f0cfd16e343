package qoegraph.graphql;

import org.duckdb.DuckDBConnection;
import qoegraph.model.Model;
import qoegraph.plan.Planner;
import qoegraph.plan.RollupCatalog;
import qoegraph.query.QueryValidator;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlRunner;

/** The query walk a dataset fetcher runs: validate, plan (from a rollup when one serves), compile, run on a duplicate connection. */
record Engine(QueryValidator validator, Planner planner, SelectCompiler compiler, SqlRunner runner,
              DuckDBConnection duckdb) {
    static Engine of(Model model, DuckDBConnection duckdb, QueryLimits limits) {
        return of(model, duckdb, limits, RollupCatalog.NONE);
    }

    /** @param rollups the built rollups the planner may answer from */
    static Engine of(Model model, DuckDBConnection duckdb, QueryLimits limits, RollupCatalog rollups) {
        return new Engine(new QueryValidator(model, limits.maxRows()), new Planner(model, rollups),
                new SelectCompiler(), limits.runner(), duckdb);
    }
}
