package qoegraph.graphql.fetch;

import qoegraph.model.Model;
import qoegraph.plan.Planner;
import qoegraph.plan.BuiltRollups;
import qoegraph.query.QueryValidator;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlRunner;

/** The query walk a dataset fetcher runs: validate, plan (from a rollup when one serves), compile, run. */
public record QueryWalk(QueryValidator validator, Planner planner, SelectCompiler compiler, SqlRunner runner) {
    /** @param rollups the built rollups the planner may answer from */
    public static QueryWalk of(Model model, SqlDialect dialect, SqlRunner runner, int maxRows, BuiltRollups rollups) {
        return new QueryWalk(new QueryValidator(model, maxRows), new Planner(model, rollups), new SelectCompiler(dialect),
                runner);
    }
}
