package qoegraph.graphql;

import qoegraph.wiring.SdlFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionResult;
import graphql.GraphQL;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.duckdb.DuckDb;
import qoegraph.ingest.Ingester;
import qoegraph.model.ModelLoader;
import qoegraph.model.SourceTables;

/**
 * DNS and HTTP rows carry the location stay that holds their ts, as traffic rows do, so app and user activity
 * split by location like bytes. On the hand-made study fixture (src/test/resources/ingest/study): device 10
 * has stays work 100 [08:00, 18:00] and lunch 101 [12:00, 13:00] (the later entertime wins), device 20 work
 * 103 [09:00, 17:00]; devices 30 and 31 have no stays.
 */
class StudyLocationsTest {
    @TempDir
    static Path dir;
    private static DuckDBConnection db;
    private static GraphQL graphQL;

    @BeforeAll
    static void ingest() throws Exception {
        db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("db.duckdb"));
        Ingester ingester = new Ingester(db, SourceTables.load(SdlFile.MODEL_DIR.resolve("sources.yml")), line -> { });
        ingester.ensureSchema();
        ingester.ingest(Path.of("src/test/resources/ingest/study"));
        graphQL = GraphQLApi.over(ModelLoader.load(SdlFile.MODEL_DIR), DuckDb.of(db).engine(8)).build();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void dnsAndHttpRowsHaveTheStayHoldingTheirTs() {
        assertEquals("1:10:lunch:101 2:30:null:null 3:20:work:103",
                rows("{ dnsRequests(orderBy: [{id: ASC}]) { id deviceId location locationId } }", "dnsRequests"));
        assertEquals("1:10:lunch:101 2:31:null:null",
                rows("{ httpRequests(orderBy: [{id: ASC}]) { id deviceId location locationId } }", "httpRequests"));
    }

    @Test
    void appAndUserActivityPerDeviceAndLocation() {
        assertEquals("10:lunch:1:1 20:work:1:0 30:null:1:0", rows("{ dnsRequests(orderBy: [{deviceId: ASC}]) {"
                + " deviceId location count userRequests } }", "dnsRequests"));
        assertEquals("10:lunch:1:1 31:null:1:0", rows("{ httpRequests(orderBy: [{deviceId: ASC}]) {"
                + " deviceId location count userUrls } }", "httpRequests"));
        assertEquals("lunch:1", rows("{ httpRequests(where: {location: {eq: \"lunch\"}}) { location count } }",
                "httpRequests"));
    }

    /** The rows of a root field, each as its values joined by ':', rows joined by ' '. */
    @SuppressWarnings("unchecked")
    private static String rows(String query, String root) {
        ExecutionResult result = graphQL.execute(query);
        assertEquals(List.of(), result.getErrors());
        List<Map<String, Object>> rows = ((Map<String, List<Map<String, Object>>>) result.getData()).get(root);
        return rows.stream().map(r -> r.values().stream().map(String::valueOf).collect(Collectors.joining(":")))
                .collect(Collectors.joining(" "));
    }
}
