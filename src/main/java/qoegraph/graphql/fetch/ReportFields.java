package qoegraph.graphql.fetch;

import qoegraph.graphql.errors.ApiException;
import qoegraph.query.ErrorCode;
import qoegraph.graphql.schema.RowType;
import qoegraph.graphql.schema.ScalarTypes;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import qoegraph.cache.ResultCache;
import qoegraph.report.Report;
import qoegraph.report.ReportArgumentException;
import qoegraph.query.ValueCheck;
import qoegraph.report.ReportColumn;
import qoegraph.report.ReportParameter;
import qoegraph.report.Reports;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SqlRunner;
import qoegraph.sql.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;

/**
 * The reports as GraphQL: a root field {@code reports} of type {@code Reports} with one field per report file,
 * whose arguments are the report's parameters (camelCase; nullable when they have a default) and whose rows are
 * {@code <Name>ReportRow} objects with one field per declared column; and {@code catalog.reports}, the same as data.
 */
public final class ReportFields {
    public static final String ROOT = "reports";
    private static final String TYPE = "Reports";

    private final Reports reports;
    private final SqlRunner runner;
    private final Executor blocking;
    private final int maxRows;
    private final ResultCache cache;
    private final KnownValues knownValues;

    /**
     * @param runner runs the reports' statements under the server's limits
     * @param knownValues what a String argument declared with {@code values <dataset>.<dimension>} is checked against
     */
    public ReportFields(Reports reports, SqlRunner runner, int maxRows, Executor blocking, ResultCache cache,
                 KnownValues knownValues) {
        this.cache = cache;
        this.knownValues = knownValues;
        this.reports = reports;
        this.runner = runner;
        this.blocking = blocking;
        this.maxRows = maxRows;
    }

    /** Adds {@code reports} to the root type when there is at least one report (an object type needs a field). */
    public void addTo(GraphQLObjectType.Builder query, GraphQLCodeRegistry.Builder code) {
        if (reports.all().isEmpty()) {
            return;
        }
        GraphQLObjectType.Builder type = newObject().name(TYPE).description("The reports: one field per SQL file in"
                + " queries/reports, with typed arguments (bound, never spliced into SQL) and typed rows. At most "
                + maxRows + " rows each; extensions.fields.<path> (reports.<field>) says whether rows were cut.");
        for (Report report : reports.all()) {
            checkValues(report);
            GraphQLObjectType row = rowType(report);
            type.field(field(report, row));
            code.dataFetcher(FieldCoordinates.coordinates(TYPE, report.name()), Fetchers.blocking(env -> run(report, env), blocking));
            DataFetcher<?> rowValue = RowType::value;
            row.getFieldDefinitions().forEach(f -> code.dataFetcher(FieldCoordinates.coordinates(row, f), rowValue));
        }
        query.field(newFieldDefinition().name(ROOT).type(type.build())
                .description("Fixed analyses written in SQL (user ranking, locations, hour-of-day profiles, ...);"
                        + " catalog.reports lists them."));
        code.dataFetcher(FieldCoordinates.coordinates("Query", ROOT), (DataFetcher<Object>) env -> Map.of());
    }

    private List<Map<String, Object>> run(Report report, DataFetchingEnvironment env) throws Exception {
        long started = System.nanoTime();
        var unavailable = reports.unavailable(report.name());
        if (unavailable.isPresent()) {
            throw new ApiException(ErrorCode.INVALID_QUERY, report.name() + " is unavailable on this engine: "
                    + unavailable.get());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReportParameter p : report.parameters()) {
            if (env.getArguments().containsKey(p.argumentName())) {
                values.put(p.name(), env.getArguments().get(p.argumentName()));
            }
        }
        SqlStatement statement;
        try {
            statement = report.bind(values, maxRows);
        } catch (ReportArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, report.name() + ": " + e.getMessage());
        }
        ResultCache.Answer answer = cache.get(statement, () -> runner.run(statement));
        QueryResult result = answer.result();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("report", report.name());
        info.put("rows", result.rows().size());
        info.put("truncated", result.truncated());
        info.put("cached", answer.cached());
        info.put("ms", (System.nanoTime() - started) / 1_000_000);
        List<Map<String, Object>> warnings = warnings(report, values);
        if (!warnings.isEmpty()) {
            info.put("warnings", warnings);
        }
        FieldExtensions.addTo(env, info);
        return result.rows();
    }

    /** A parameter's {@code values <dataset>.<dimension>} must name a categorical dimension of the model. */
    private void checkValues(Report report) {
        for (ReportParameter p : report.parameters()) {
            String[] ref = p.values() == null ? null : p.values().split("\\.");
            if (ref != null && !knownValues.lists(ref[0], ref[1])) {
                throw new IllegalStateException(report.file() + ":" + p.line() + ": values " + p.values() + " names no"
                        + " categorical dimension of the model (categorical: true in its dataset file)");
            }
        }
    }

    /** A String argument with known values (userRanking's country, say) that matches none of them. */
    private List<Map<String, Object>> warnings(Report report, Map<String, Object> values) {
        List<ValueCheck.ValueWarning> out = new ArrayList<>();
        for (ReportParameter p : report.parameters()) {
            if (p.values() != null && values.get(p.name()) instanceof String value) {
                String[] ref = p.values().split("\\.");
                out.addAll(ValueCheck.check(p.argumentName(), p.values(), value, knownValues.of(ref[0], ref[1])));
            }
        }
        return KnownValues.asMaps(out);
    }

    private static GraphQLFieldDefinition field(Report report, GraphQLObjectType row) {
        GraphQLFieldDefinition.Builder field = newFieldDefinition().name(report.name())
                .type(list(nonNull(row))).description(report.description());
        report.parameters().forEach(p -> field.argument(argument(p)));
        return field.build();
    }

    private static GraphQLArgument argument(ReportParameter p) {
        GraphQLInputType scalar = ScalarTypes.scalar(p.type());
        GraphQLArgument.Builder argument = newArgument().name(p.argumentName())
                .type(p.optional() ? scalar : nonNull(scalar)).description(argumentDoc(p));
        if (p.optional() && p.defaultValue() != null) {
            argument.defaultValueProgrammatic(p.defaultValue());
        }
        return argument.build();
    }

    private static String argumentDoc(ReportParameter p) {
        String doc = p.description();
        if (!p.rangeText().isEmpty()) {
            doc += " Range " + p.rangeText() + ".";
        }
        if (p.optional() && p.defaultValue() == null) {
            doc += " Omit it or send null for none.";
        }
        return doc;
    }

    private static GraphQLObjectType rowType(Report report) {
        String name = Character.toUpperCase(report.name().charAt(0)) + report.name().substring(1) + "ReportRow";
        GraphQLObjectType.Builder row = newObject().name(name).description("One row of the " + report.name()
                + " report.");
        for (ReportColumn c : report.columns()) {
            GraphQLFieldDefinition.Builder field = newFieldDefinition().name(c.fieldName())
                    .type(ScalarTypes.output(c.type())).description(c.description());
            if (c.replacedBy() != null) {
                field.deprecate("Use " + c.replacedByField() + ".");
            }
            row.field(field);
        }
        return row.build();
    }

    /** {@code catalog.reports}'s field; its values come from {@link #catalogData}. */
    static GraphQLFieldDefinition catalogField() {
        GraphQLObjectType parameter = newObject().name("ReportParameterInfo").description("A report argument.")
                .field(info("name", nonNull(GraphQLString), "Argument name."))
                .field(info("type", nonNull(GraphQLString), "GraphQL type: Int, Long, Float, String, Boolean or DateTime."))
                .field(info("required", nonNull(GraphQLBoolean), "Whether it must be given (it has no default)."))
                .field(info("defaultValue", GraphQLString, "Its default, as text; null when none or null."))
                .field(info("description", nonNull(GraphQLString), "What it does.")).build();
        GraphQLObjectType column = newObject().name("ReportColumnInfo").description("A report result column.")
                .field(info("name", nonNull(GraphQLString), "Field name in the report's rows."))
                .field(info("type", nonNull(GraphQLString), "GraphQL type: Int, Long, Float, String, Boolean or DateTime."))
                .field(info("description", nonNull(GraphQLString), "What it holds, with its unit.")).build();
        GraphQLObjectType report = newObject().name("ReportInfo").description("A report: one field of reports.")
                .field(info("name", nonNull(GraphQLString), "Name, and name of its field under reports."))
                .field(info("description", nonNull(GraphQLString), "What it computes."))
                .field(info("parameters", nonNull(list(nonNull(parameter))), "Its arguments."))
                .field(info("columns", nonNull(list(nonNull(column))), "Its row fields, in order."))
                .field(info("available", nonNull(GraphQLBoolean), "Whether it runs on the engine the server uses"
                        + " (qoegraph.engine): a report written in DuckDB's SQL needs a variant for Trino."))
                .field(info("unavailableReason", GraphQLString, "Why it does not run on this engine; null when it"
                        + " does.")).build();
        return info("reports", nonNull(list(nonNull(report))), "The reports (fields of the root field reports).");
    }

    static List<Map<String, Object>> catalogData(Reports reports) {
        return reports.all().stream().map(r -> catalogEntry(r, reports.unavailable(r.name()).orElse(null))).toList();
    }

    private static Map<String, Object> catalogEntry(Report r, String unavailable) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", r.name());
        map.put("description", r.description());
        map.put("parameters", r.parameters().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.argumentName());
            m.put("type", p.type().graphqlName());
            m.put("required", !p.optional());
            m.put("defaultValue", p.defaultValue() == null ? null : p.defaultValue().toString());
            m.put("description", argumentDoc(p));
            return m;
        }).toList());
        map.put("columns", r.columns().stream().map(c -> Map.<String, Object>of("name", c.fieldName(),
                "type", c.type().graphqlName(), "description", c.description())).toList());
        map.put("available", unavailable == null);
        map.put("unavailableReason", unavailable);
        return map;
    }

    private static GraphQLFieldDefinition info(String name, GraphQLOutputType type, String description) {
        return newFieldDefinition().name(name).type(type).description(description).build();
    }
}
