package qoegraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.testsupport.Servers;
import qoegraph.testsupport.IngestTables;

/**
 * The numbers a client reads, as JSON and CSV text over HTTP: plain decimals, the same in both; exact DECIMAL sums with
 * every digit; whole numbers past 2^53 as strings of digits; 64-bit identifiers as strings that filters take back.
 * The expected figures are computed here with BigDecimal / BigInteger from the fixture's own values.
 */
class ExactNumbersHttpTest {
    private static final String[][] SESSIONS = {   // isp, p2p, cdn: DECIMAL(18,6) in the store
        {"BTP", "999999999999.999999", "0.000501"},
        {"BTP", "123456789012.345678", "100000000"},
        {"Fro", "0", "0.5"},
    };
    private static final BigInteger TWO_62 = BigInteger.TWO.pow(62);
    private static final String FLOW = "9223324764212750187";

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Reads numbers as the text says: a decimal with every digit, not the nearest double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(dir.resolve("db.duckdb"),
                Map.of("qoegraph.cache.enabled", false));   // plain SQL below: no data version moves
        try (Connection connection = Servers.db(server).connections().open(); Statement statement = connection.createStatement()) {
            IngestTables.createEmpty(connection);
            List<String> rows = new ArrayList<>();
            for (String[] s : SESSIONS) {
                rows.add("(1, '" + s[0] + "', 'Iron', true, " + s[1] + ", " + s[2] + ")");
            }
            statement.execute("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES " + String.join(", ", rows));
            // device 1: three bins of 2^62 bytes (a sum past 64 bits); device 2: 2^53 + 1 bytes; device 3: 5 bytes
            statement.execute("INSERT INTO deviceapptraffic (id, devid, ts, flowid, bytes_in, bytes_out) VALUES "
                    + "(1, 1, '2015-03-02 00:00:00', " + FLOW + ", " + TWO_62 + ", 0), "
                    + "(2, 1, '2015-03-02 00:00:10', 1, " + TWO_62 + ", 0), "
                    + "(3, 1, '2015-03-02 00:00:20', 2, " + TWO_62 + ", 0), "
                    + "(4, 2, '2015-03-02 00:00:30', 3, " + (1L << 53) + ", 1), "
                    + "(5, 3, '2015-03-02 00:00:40', 4, 2, 3)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void decimalsArePlainAndByteSumsExactTheSameInJsonAndCsv() throws Exception {
        String query = "{ sessions(orderBy: [{isp: ASC}]) { isp p2pBytes cdnBytes totalBytes p2pShare } }";
        String json = post(query, "application/json");
        String csv = post(query, "text/csv");
        assertFalse(json.matches("(?s).*\\d[eE][+-]?\\d.*"), () -> "exponent notation in " + json);
        assertFalse(csv.matches("(?s).*\\d[eE][+-]?\\d.*"), () -> "exponent notation in " + csv);
        JsonNode rows = JSON.readTree(json).path("data").path("sessions");
        BigDecimal btpP2p = new BigDecimal(SESSIONS[0][1]).add(new BigDecimal(SESSIONS[1][1]));
        BigDecimal btpCdn = new BigDecimal(SESSIONS[0][2]).add(new BigDecimal(SESSIONS[1][2]));
        assertEquals(plain(btpP2p), rows.get(0).get("p2pBytes").asText(), "1123456789012.345677: more digits than a double");
        assertEquals(plain(btpCdn), rows.get(0).get("cdnBytes").asText());
        assertEquals(plain(btpP2p.add(btpCdn)), rows.get(0).get("totalBytes").asText());
        assertEquals("0.5", rows.get(1).get("totalBytes").asText());
        assertEquals("0", rows.get(1).get("p2pShare").asText(), "a zero share is 0, not 0.0");

        List<String> lines = csv.lines().toList();
        assertEquals("isp,p2pBytes,cdnBytes,totalBytes,p2pShare", lines.get(0));
        for (int i = 0; i < 2; i++) {
            JsonNode row = rows.get(i);
            // the JSON text of each number, as written, is the CSV field
            String jsonLine = row.get("isp").asText() + "," + row.get("p2pBytes").toString() + "," + row.get("cdnBytes")
                    + "," + row.get("totalBytes") + "," + row.get("p2pShare");
            assertEquals(jsonLine, lines.get(i + 1));
        }
        JsonNode cdn = JSON.readTree(post("{ sessions(orderBy: [{cdn: ASC}]) { cdn } }", "application/json"))
                .path("data").path("sessions");
        assertEquals("[{\"cdn\":0.000501},{\"cdn\":0.5},{\"cdn\":100000000}]", cdn.toString(), "5.01E-4 and 1.0E8 no more");
    }

    @Test
    void wholeNumbersPast2To53AreStringsOfTheirDigitsAndFiltersTakeThem() throws Exception {
        JsonNode rows = JSON.readTree(post("{ traffic(orderBy: [{deviceId: ASC}]) { deviceId bytesIn bytes count } }",
                "application/json")).path("data").path("traffic");
        BigInteger threeBins = TWO_62.multiply(BigInteger.valueOf(3));
        assertTrue(rows.get(0).get("bytesIn").isTextual(), rows.toString());
        assertEquals(threeBins.toString(), rows.get(0).get("bytesIn").asText(), "a sum past 64 bits, exact");
        assertEquals(BigInteger.TWO.pow(53).add(BigInteger.ONE).toString(), rows.get(1).get("bytes").asText(),
                "2^53 + 1, which JavaScript would read as 2^53");
        assertTrue(rows.get(1).get("bytes").isTextual());
        assertTrue(rows.get(2).get("bytes").isNumber(), "5 is a number");
        assertTrue(rows.get(0).get("count").isNumber(), "counts are numbers");

        JsonNode big = JSON.readTree(post("{ traffic(having: {bytes: {gt: \"9007199254740992\"}}) { deviceId } }",
                "application/json")).path("data").path("traffic");
        assertEquals("[{\"deviceId\":1},{\"deviceId\":2}]", big.toString(), "a Long filter takes the string sent");
    }

    @Test
    void identifiersAreStringsAndFiltersTakeThemBack() throws Exception {
        JsonNode row = JSON.readTree(post("{ traffic(orderBy: [{flowId: DESC}], limit: 1) { flowId id } }",
                "application/json")).path("data").path("traffic").get(0);
        assertEquals(FLOW, row.get("flowId").asText());
        assertTrue(row.get("flowId").isTextual() && row.get("id").isTextual(), row.toString());
        JsonNode found = JSON.readTree(post("{ traffic(where: {flowId: {eq: \"" + FLOW + "\"}}) { id count } }",
                "application/json")).path("data").path("traffic");
        assertEquals("[{\"id\":\"1\",\"count\":1}]", found.toString());
        JsonNode wrong = JSON.readTree(post("{ traffic(where: {flowId: {eq: \"9x\"}}) { count } }", "application/json"));
        assertEquals("INVALID_FILTER", wrong.path("errors").get(0).path("extensions").path("code").asText(), wrong.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String post(String query, String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
