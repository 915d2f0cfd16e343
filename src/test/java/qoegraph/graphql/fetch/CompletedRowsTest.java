package qoegraph.graphql.fetch;

import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import qoegraph.graphql.schema.ApiScalars;
import qoegraph.graphql.schema.RowType;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows that skip graphql-java's completion read exactly as completed rows: the same keys in the same order, the same
 * values of the same classes (so the JSON and CSV writers write the same text), over the edge values of every scalar
 * the API sends; and a value graphql-java would refuse (a field error) leaves the rows to graphql-java, so the
 * errors and the nulls are its own.
 */
class CompletedRowsTest {
    private static final OffsetDateTime INDIA = OffsetDateTime.of(2015, 3, 29, 3, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));

    @Test
    void edgeValuesReadAsGraphqlJavaCompletesThem() {
        List<Map<String, Object>> rows = List.of(
                row(1, 9_007_199_254_740_991L, 7L, new BigDecimal("1.500"), "a \"quoted\", é", true, INDIA,
                        LocalDateTime.of(2015, 3, 2, 0, 0), Arrays.asList("x", null), Arrays.asList(1, null), List.of("isp")),
                row(-2, 9_007_199_254_740_992L, "id-2", 1.0E10, "", false, INDIA.atZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime(),
                        23, List.of(), List.of(), List.of()),
                row(null, BigInteger.TWO.pow(70), -3L, 5.01E-4, null, null, null, INDIA, null, null, List.of("a", "b")),
                row(0, 2.5, BigInteger.TEN, new BigDecimal("1E+3"), "x", true, INDIA, 7L, List.of("y"), List.of(3), List.of()),
                row(5, -9_007_199_254_740_993L, 0, 3, "y", false, INDIA, 1.5, null, null, List.of()));
        String query = "{ rows { i l: long id f s b dt tv sl il t: totalOver __typename again: i i } }";
        Map<String, Object> whole = run(rows, query, false);
        Map<String, Object> streamed = run(rows, query, true);
        assertTrue(RowStreams.in(streamed), "the rows skipped completion");
        assertFalse(RowStreams.in(whole));
        assertEquals(described(whole), described(streamed));
        assertEquals(whole.get("errors"), streamed.get("errors"));
    }

    @Test
    void aValueGraphqlJavaRefusesLeavesTheRowsToIt() {
        for (Map<String, Object> bad : List.of(row(1L << 40, 1L, 1L, 1.0, "", true, INDIA, 1, null, null, List.of()),
                row(1, 1L, 1L, Double.NaN, "", true, INDIA, 1, null, null, List.of()),
                row(1, Double.POSITIVE_INFINITY, 1L, 1.0, "", true, INDIA, 1, null, null, List.of()),
                row(1, 1L, 1L, 1.0, "", "yes", INDIA, 1, null, null, List.of()),
                row(1, 1L, 1L, 1.0, "", true, "2015-03-02", 1, null, null, List.of()),
                row(1, 1L, 1L, 1.0, "", true, INDIA, 1, null, null, null),
                row(1, 1L, 1L, 1.0, "", true, INDIA, 1, null, Arrays.asList(1L << 40), List.of()))) {
            List<Map<String, Object>> rows = List.of(row(1, 1L, 1L, 1.0, "", true, INDIA, 1, null, null, List.of()), bad);
            String query = "{ rows { i long f b dt il totalOver } }";
            Map<String, Object> whole = run(rows, query, false);
            Map<String, Object> streamed = run(rows, query, true);
            assertFalse(RowStreams.in(streamed), "completed by graphql-java: " + bad);
            assertTrue(whole.get("errors") != null, "graphql-java reports it: " + bad);
            assertEquals(described(whole), described(streamed));
            assertEquals(String.valueOf(whole.get("errors")), String.valueOf(streamed.get("errors")));
        }
    }

    private static Map<String, Object> row(Object i, Object l, Object id, Object f, Object s, Object b, Object dt,
                                           Object tv, List<?> sl, List<?> il, List<?> totalOver) {
        Map<String, Object> row = new HashMap<>();   // the fields read it by result key, as DatasetFetcher's rows
        row.put("i", i);
        row.put("l", l);
        row.put("long", l);
        row.put("id", id);
        row.put("f", f);
        row.put("s", s);
        row.put("b", b);
        row.put("dt", dt);
        row.put("tv", tv);
        row.put("sl", sl);
        row.put("il", il);
        row.put("t", totalOver);
        row.put("totalOver", totalOver);
        row.put("again", i);
        return row;
    }

    /** A root field answering {@code rows} as DatasetFetcher does, its rows handed over when streams are open. */
    private static Map<String, Object> run(List<Map<String, Object>> rows, String query, boolean streams) {
        GraphQLObjectType row = GraphQLObjectType.newObject().name("Row")
                .field(newFieldDefinition().name("i").type(Scalars.GraphQLInt))
                .field(newFieldDefinition().name("long").type(ApiScalars.LONG))
                .field(newFieldDefinition().name("id").type(Scalars.GraphQLID))
                .field(newFieldDefinition().name("f").type(Scalars.GraphQLFloat))
                .field(newFieldDefinition().name("s").type(Scalars.GraphQLString))
                .field(newFieldDefinition().name("b").type(Scalars.GraphQLBoolean))
                .field(newFieldDefinition().name("dt").type(ApiScalars.DATE_TIME))
                .field(newFieldDefinition().name("tv").type(ApiScalars.TIME_VALUE))
                .field(newFieldDefinition().name("sl").type(list(Scalars.GraphQLString)))
                .field(newFieldDefinition().name("il").type(list(Scalars.GraphQLInt)))
                .field(newFieldDefinition().name("totalOver").type(nonNull(list(nonNull(Scalars.GraphQLString)))))
                .build();
        GraphQLObjectType root = GraphQLObjectType.newObject().name("Query")
                .field(newFieldDefinition().name("rows").type(list(row))).build();
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        DataFetcher<?> rowValue = RowType::value;
        row.getFieldDefinitions().forEach(f -> code.dataFetcher(FieldCoordinates.coordinates(row, f), rowValue));
        code.dataFetcher(FieldCoordinates.coordinates(root, "rows"),
                (DataFetcher<Object>) env -> RowStreams.offer(env, rows) ? List.of() : rows);
        GraphQLSchema schema = ApiScalars.withExactFloats(GraphQLSchema.newSchema().query(root).codeRegistry(code.build())
                .additionalType(ApiScalars.LONG).build());
        ExecutionInput input = ExecutionInput.newExecutionInput(query).build();
        if (streams) {
            RowStreams.open(input.getGraphQLContext());
        }
        return RowStreams.fill(GraphQL.newGraphQL(schema).build().execute(input).toSpecification(), input.getGraphQLContext());
    }

    /** Every key and value with its class, in order: what a writer sees. */
    private static String described(Map<String, Object> spec) {
        Object data = spec.get("data");
        if (!(data instanceof Map<?, ?> fields) || !(fields.get("rows") instanceof List<?> list)) {
            return String.valueOf(data);
        }
        List<String> out = new ArrayList<>();
        for (Object r : list) {
            if (r == null) {
                out.add("null row");
                continue;
            }
            Map<String, String> described = new LinkedHashMap<>();
            ((Map<?, ?>) r).forEach((k, v) -> described.put(String.valueOf(k), describe(v)));
            out.add(described.toString());
        }
        return String.join("\n", out);
    }

    private static String describe(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(CompletedRowsTest::describe).toList().toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
