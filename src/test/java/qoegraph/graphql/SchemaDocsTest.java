package qoegraph.graphql;

import qoegraph.wiring.SdlFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.model.ModelLoader;

/** GraphiQL's docs pane is the analysts' manual: every type, field, argument and enum value says what it is. */
class SchemaDocsTest {
    private static DuckDBConnection db;
    private static GraphQLSchema schema;

    @BeforeAll
    static void build() throws Exception {
        db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        schema = GraphQLApi.over(ModelLoader.load(SdlFile.MODEL_DIR), DuckDb.of(db).engine(8)).schema();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void everythingCarriesADescription() {
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            check(type.getName(), type.getDescription(), missing);
            if (type instanceof GraphQLFieldsContainer fields) {
                fields.getFieldDefinitions().forEach(f -> {
                    check(type.getName() + "." + f.getName(), f.getDescription(), missing);
                    for (GraphQLArgument a : f.getArguments()) {
                        check(type.getName() + "." + f.getName() + "(" + a.getName() + ")", a.getDescription(), missing);
                    }
                });
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(f -> check(type.getName() + "." + f.getName(), f.getDescription(), missing));
            }
            if (type instanceof GraphQLEnumType e) {
                e.getValues().forEach(v -> check(type.getName() + "." + v.getName(), v.getDescription(), missing));
            }
        }
        assertEquals(List.of(), missing);
    }

    private static void check(String where, String description, List<String> missing) {
        if (description == null || description.isBlank()) {
            missing.add(where);
        }
    }

    @Test
    void unitsAndExactnessAreInTheDescriptions() {
        GraphQLFieldsContainer traffic = (GraphQLFieldsContainer) schema.getType("TrafficRow");
        String bytesIn = traffic.getFieldDefinition("bytesIn").getDescription();
        assertTrue(bytesIn.contains("Unit: bytes") && bytesIn.contains("Long: an exact whole number")
                && bytesIn.contains("With bucketWidth or logBase it is instead the dimension"), bytesIn);
        String share = ((GraphQLFieldsContainer) schema.getType("SessionsRow")).getFieldDefinition("p2pShare").getDescription();
        assertTrue(share.contains("Unit: share 0..1") && share.contains("Float"), share);
    }

    @Test
    void aNameThatIsBothIsOneFieldTakingTheArgumentsOfBoth() {
        GraphQLFieldsContainer traffic = (GraphQLFieldsContainer) schema.getType("TrafficRow");
        assertEquals(List.of("window", "where", "bucketWidth", "logBase"),
                traffic.getFieldDefinition("bytesIn").getArguments().stream().map(GraphQLArgument::getName).toList());
        assertEquals("Long", ((GraphQLNamedType) traffic.getFieldDefinition("bytesIn").getType()).getName());
    }
}
