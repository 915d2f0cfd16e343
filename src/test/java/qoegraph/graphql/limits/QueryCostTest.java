package qoegraph.graphql.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/** What queries cost: one SQL statement is dear whatever it selects, a field inside it cheap, introspection free. */
class QueryCostTest {
    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
            .parse("""
                    type Query {
                      sessions(limit: Int): [SessionsRow!]!
                      traffic: [TrafficRow!]!
                      catalog: Catalog!
                      reports: Reports!
                    }
                    type SessionsRow { isp: String count: Int p2pShare: Float }
                    type TrafficRow { deviceId: Int bytes: Float }
                    type Catalog { tables: [Table!]! }
                    type Table { name: String rows: Int }
                    type Reports { userRanking: [RankRow!]! }
                    type RankRow { userId: Int rank: Int }
                    """));

    private static int cost(String query) {
        return QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(QueryCost.of(SCHEMA)).schema(SCHEMA)
                .document(Parser.parse(query)).variables(CoercedVariables.emptyVariables()).build().calculate();
    }

    @Test
    void aDatasetFieldCostsOneStatementPlusOnePerField() {
        assertEquals(QueryCost.STATEMENT + 3, cost("{ sessions { isp count p2pShare } }"));
    }

    @Test
    void eachAliasedRootFieldIsAStatementOfItsOwn() {
        assertEquals(3 * (QueryCost.STATEMENT + 1), cost("{ a: sessions { count } b: sessions { count } c: traffic { bytes } }"));
    }

    @Test
    void aReportCostsAStatementButTheReportsFieldAboveItDoesNot() {
        assertEquals(1 + QueryCost.STATEMENT + 2, cost("{ reports { userRanking { userId rank } } }"));
    }

    @Test
    void theCatalogRunsNoStatementSoEachOfItsFieldsCostsOne() {
        assertEquals(4, cost("{ catalog { tables { name rows } } }"));
    }

    @Test
    void introspectionIsFreeForGoodFaithIntrospectionBoundsIt() {
        assertEquals(0, cost("{ __schema { types { name fields { name type { name ofType { name } } } } } }"));
        assertEquals(QueryCost.STATEMENT + 1, cost("{ __typename sessions { __typename count } }"));
    }

    @Test
    void aFragmentReusedUnderSeveralRootFieldsStillCostsAStatementPerRootField() {
        // graphql-java's traverser walks a fragment's fields once however often it is spread (issue #1695), so only
        // the first spread adds its fields; the statements, which are what costs, are each counted
        assertEquals(QueryCost.STATEMENT + 2, cost("{ a: sessions { ...f } } fragment f on SessionsRow { isp count }"));
        assertEquals(3 * QueryCost.STATEMENT + 2,
                cost("{ a: sessions { ...f } b: sessions { ...f } c: sessions { ...f } } fragment f on SessionsRow { isp count }"));
    }
}
