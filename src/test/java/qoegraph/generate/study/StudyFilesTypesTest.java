package qoegraph.generate.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files carry exactly the layouts of queries/model/sources.yml: the declared header line, and every value
 * readable by DuckDB with the declared type (PostgreSQL arrays read as text, then as lists).
 */
class StudyFilesTypesTest {

    private static final List<String> TABLES = List.of("users", "devices", "user_devices", "deviceapptraffic",
        "dnsreqs", "httpreqs", "locations");

    @TempDir
    static Path dir;
    private static Map<String, Long> written;
    private static Map<String, Map<String, Object>> layouts;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void generateTheDefaultSample() throws IOException {
        written = StudyGenerator.write(dir, StudyGenerator.DEFAULT_SEED, StudyGenerator.DEFAULT_SCALE, true);
        try (Reader reader = Files.newBufferedReader(Path.of("queries/model/sources.yml"))) {
            Map<String, Object> model = new Yaml().load(reader);
            layouts = (Map<String, Map<String, Object>>) model.get("tables");
        }
    }

    @Test
    void headersAreTheDeclaredOnes() {
        for (String table : TABLES) {
            assertEquals(layouts.get(table).get("header"), PgCsv.header(dir.resolve(table + ".csv.gz")), table);
        }
    }

    @Test
    void everyValueReadsWithItsDeclaredType() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery(typedRead(table))) {
                    result.next();
                    assertEquals(written.get(table), result.getLong(1), table + " rows");
                    assertEquals(0, result.getLong(2), table + " array values not in PostgreSQL form");
                }
            }
        }
    }

    /** Reads the file with the declared types; counts rows, and array values that do not cast to lists. */
    @SuppressWarnings("unchecked")
    private static String typedRead(String table) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        List<String> badArrays = new ArrayList<>();
        for (Map<String, String> column : (List<Map<String, String>>) layouts.get(table).get("columns")) {
            String type = column.get("type");
            String name = column.get("name");
            boolean array = "pgarray".equals(column.get("format"));
            columns.add("'" + name + "': '" + (array ? "VARCHAR" : type) + "'");
            if (array) {
                badArrays.add("count(*) FILTER (WHERE NOT regexp_full_match(" + name + ", '\\{[^{}\"]*\\}') "
                    + "OR len(CAST('[' || " + name + "[2:-2] || ']' AS " + type + ")) IS NULL)");
            }
        }
        String file = dir.resolve(table + ".csv.gz").toString().replace("'", "''");
        return "SELECT count(*), " + (badArrays.isEmpty() ? "0" : String.join(" + ", badArrays))
            + " FROM read_csv('" + file + "', header = true, auto_detect = false, delim = ',', quote = '\"', "
            + "escape = '\"', columns = " + columns + ")";
    }
}
