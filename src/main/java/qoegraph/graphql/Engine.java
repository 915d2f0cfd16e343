package qoegraph.graphql;

import org.duckdb.DuckDBConnection;
import qoegraph.model.Model;
import qoegraph.plan.Planner;
import qoegraph.query.QueryValidator;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlRunner;

/** The query walk a dataset fetcher runs: validate, plan, compile, run on a duplicate connection. */
record Engine(QueryValidator validator, Planner planner, SelectCompiler compiler, SqlRunner runner,
              DuckDBConnection duckdb) {
    static Engine of(Model model, DuckDBConnection duckdb, QueryLimits limits) {
        return new Engine(new QueryValidator(model, limits.maxRows()), new Planner(model), new SelectCompiler(),
                new SqlRunner(limits.timeout()), duckdb);
    }
}
