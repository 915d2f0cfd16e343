package qoegraph.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import qoegraph.model.Model;
import qoegraph.plan.Plan;
import qoegraph.plan.Planner;
import qoegraph.plan.BuiltRollups;
import qoegraph.query.Query;
import qoegraph.query.QueryValidator;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SelectCompiler;
import qoegraph.sql.SqlDialect;
import qoegraph.sql.SqlRunner;
import qoegraph.sql.SqlStatement;

/**
 * The walk from a plain query to rows without a server, as {@code graphql.fetch.DatasetFetcher} takes it: validate, plan
 * (with the given rollups, or none), compile for the engine's dialect, run. The tests that query the engine directly
 * use this one chain rather than wiring the four steps themselves.
 */
public final class Walk {
    private final Model model;
    private final SqlDialect dialect;
    private final BuiltRollups rollups;
    private final Duration timeout;

    public Walk(Model model, SqlDialect dialect, BuiltRollups rollups, Duration timeout) {
        this.model = model;
        this.dialect = dialect;
        this.rollups = rollups == null ? BuiltRollups.NONE : rollups;
        this.timeout = timeout;
    }

    /** The same walk planning with other rollups ({@link BuiltRollups#NONE} for the base tables only). */
    public Walk withRollups(BuiltRollups other) {
        return new Walk(model, dialect, other, timeout);
    }

    /** Validates and plans. */
    public Plan plan(Query query) {
        new QueryValidator(model).check(query);
        return new Planner(model, rollups).plan(query);
    }

    public SqlStatement compile(Plan plan) {
        return new SelectCompiler(dialect).compile(plan);
    }

    /** Validates, plans, compiles and runs. */
    public QueryResult run(Connection connection, Query query) throws SQLException {
        return run(connection, plan(query));
    }

    /** Compiles and runs a plan. */
    public QueryResult run(Connection connection, Plan plan) throws SQLException {
        return run(connection, compile(plan));
    }

    public QueryResult run(Connection connection, SqlStatement statement) throws SQLException {
        return new SqlRunner(timeout).run(connection, statement);
    }
}
