package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.model.SourceTables;

/**
 * lowCardinality columns (sessions.isp and browser here) are stored as ENUMs built from the values ingested and
 * widened when a file brings a new one; nothing is lost on the way and the text queries see does not change.
 * Expected values are written by hand from the files' lines.
 */
class IngestEnumTest {

    @TempDir
    Path dir;
    TestDb db;

    @BeforeEach
    void open() {
        db = new TestDb(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String type(String column) {
        return db.rows("SELECT data_type FROM duckdb_columns() WHERE table_name = 'sessions' AND column_name = '"
                + column + "'").get(0).get(0);
    }

    @Test
    void anEmptyTableHasTextColumnsAndItsFirstFileMakesThemEnumsOfItsValuesInTextOrder() {
        assertEquals("VARCHAR", type("isp"), "DuckDB has no empty ENUM");

        SessionsIngestTest.assertCounts(db.ingestOne(db.write("a.csv", TestDb.sessions(
                "1,Olga,Iron,true,1,2",
                "2,BTP,Swamp,false,0,5",
                "3,Datch Telecam,Iron,true,1.5,0.5",
                "4,BTP,EarthWolf,true,2,2") + "\n")), 4, 4, 0, 0);

        assertEquals("ENUM('BTP', 'Datch Telecam', 'Olga')", type("isp"));
        assertEquals("ENUM('EarthWolf', 'Iron', 'Swamp')", type("browser"));
        assertEquals(List.of(List.of("BTP", "EarthWolf", "1"), List.of("BTP", "Swamp", "1"),
                        List.of("Datch Telecam", "Iron", "1"), List.of("Olga", "Iron", "1")),
                db.rows("SELECT isp, browser, count(*) FROM sessions GROUP BY ALL ORDER BY isp, browser"));
    }

    @Test
    void aSecondFileWithNewValuesWidensTheEnumsAndLosesNothing() {
        db.ingestOne(db.write("a.csv", TestDb.sessions("1,Olga,Iron,true,1,2", "2,BTP,Swamp,false,0,5") + "\n"));
        // a new ISP in the middle, a new browser on the cut-off last line (which DuckDB first rejects)
        IngestResult second = db.ingestOne(db.write("b.csv", TestDb.sessions(
                "3,BTP,Iron,true,1,1",
                "4,Arange,Iron,false,0,3",
                "5,\"Fro\",Iron,true,1,1",
                "6,Olga,Vectrice,true,7")));

        SessionsIngestTest.assertCounts(second, 4, 4, 0, 1);
        assertEquals("ENUM('Arange', 'BTP', 'Fro', 'Olga')", type("isp"));
        assertEquals("ENUM('Iron', 'Swamp', 'Vectrice')", type("browser"));
        assertEquals(List.of(
                        List.of("1", "Olga", "Iron"), List.of("2", "BTP", "Swamp"), List.of("3", "BTP", "Iron"),
                        List.of("4", "Arange", "Iron"), List.of("5", "Fro", "Iron"), List.of("6", "Olga", "Vectrice")),
                db.rows("SELECT stream, isp, browser FROM sessions ORDER BY stream"));
    }

    @Test
    void filtersOnAValueNoRowHasAnswerNothingAndCompareAsText() {
        db.ingestOne(db.write("a.csv", TestDb.sessions(
                "1,Olga,Iron,true,1,2", "2,BTP,Swamp,false,0,5", "3,Fro,Iron,true,1,1") + "\n"));

        assertEquals("0", db.rows("SELECT count(*) FROM sessions WHERE isp = 'Nobody'").get(0).get(0));
        assertEquals("0", db.rows("SELECT count(*) FROM sessions WHERE isp IN ('Nobody', 'Neither')").get(0).get(0));
        assertEquals("1", db.rows("SELECT count(*) FROM sessions WHERE isp IN ('Nobody', 'Olga')").get(0).get(0));
        assertEquals("3", db.rows("SELECT count(*) FROM sessions WHERE isp <> 'Nobody'").get(0).get(0));
        assertEquals("0", db.rows("SELECT count(*) FROM sessions WHERE isp LIKE '%obod%'").get(0).get(0));
        // BTP < Fro < Nobody < Olga as text
        assertEquals(List.of(List.of("Olga")), db.rows("SELECT isp FROM sessions WHERE isp > 'Nobody'"));
        assertEquals(List.of(List.of("BTP"), List.of("Fro")),
                db.rows("SELECT isp FROM sessions WHERE isp < 'Nobody' ORDER BY isp"));
    }

    @Test
    void theEnumOrderIsTheTextOrderWhateverTheFilesOrder() {
        List<String> isps = List.of("b", "B", "a", "Éclair", "Z", "zz", "\"quoted\"", "", "d'Arc", "日本");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < isps.size(); i++) {
            String isp = isps.get(i);
            String field = isp.isEmpty() || isp.contains("\"") ? "\"" + isp.replace("\"", "\"\"") + "\"" : isp;
            lines.add(i + "," + field + ",Iron,true,1,1");
        }
        db.ingestOne(db.write("a.csv", TestDb.sessions(lines.subList(0, 5).toArray(String[]::new)) + "\n"));
        db.ingestOne(db.write("b.csv", TestDb.sessions(lines.subList(5, 10).toArray(String[]::new)) + "\n"));

        assertEquals(db.rows("SELECT isp::VARCHAR FROM sessions ORDER BY isp::VARCHAR"),
                db.rows("SELECT isp FROM sessions ORDER BY isp"));
        assertEquals(10, db.count("SELECT count(DISTINCT isp) FROM sessions"));
        assertEquals("ENUM('', '\"quoted\"', 'B', 'Z', 'a', 'b', 'd''Arc', 'zz', 'Éclair', '日本')",
                type("isp"));
    }

    @Test
    void theScannedValuesAreTheValuesDuckDbReads() throws Exception {
        // quotes, escaped quotes, spaces, a CRLF file, a NULL (empty) and an empty string, a multi-line value
        Path file = db.write("tricky.csv", (TestDb.SESSIONS_HEADER + "\r\n"
                + "1,\"BTP\",Iron,true,1,1\r\n2, BTP ,\"Sw\"\"amp\",true,1,1\r\n3,,Iron,true,1,1\r\n"
                + "4,\"\",\"Iron\" ,true,1,1\r\n5,\"two\r\nlines\",Iron,true,1,1\r\n").getBytes());
        ScanResult scan = CsvFile.of(file).scanAndHash(null, new boolean[6],
                new boolean[] {false, true, true, false, false, false}, task -> new Thread(task).start()).value();

        SessionsIngestTest.assertCounts(db.ingestOne(file), 5, 5, 0, 1);
        assertEquals(Map.of(1, distinct("isp"), 2, distinct("browser")), scan.fieldValues());
        assertEquals(Set.of("BTP", " BTP ", "", "two\r\nlines"), distinct("isp"));
    }

    private Set<String> distinct(String column) {
        Set<String> values = new TreeSet<>();
        db.rows("SELECT DISTINCT " + column + " FROM sessions WHERE " + column + " IS NOT NULL")
                .forEach(row -> values.add(row.get(0)));
        return values;
    }

    @Test
    void aFailedFileLeavesTheEnumsAsTheyWere() {
        db.ingestOne(db.write("a.csv", TestDb.sessions("1,Olga,Iron,true,1,2") + "\n"));
        String before = db.fingerprint();
        // a new ISP, then a carriage return that ends no line: the file is refused after the ENUM was widened
        Path bad = db.write("bad.csv", TestDb.sessions("2,Arange,Iron,true,1,2", "3,Olga,Iron\r,true,1,2") + "\n");

        assertThrows(IngestException.class, () -> db.ingestOne(bad));

        assertEquals(before, db.fingerprint());
        assertEquals("ENUM('Olga')", type("isp"));
    }

    @Test
    void aDatabaseMadeBeforeTheDeclarationIsConvertedAndBackAgain() throws Exception {
        SourceTables plain = withoutLowCardinality();
        db.ingester = new Ingester(db.root, plain, db.progress::add);
        db.ingester.ensureSchema();
        db.ingestOne(db.write("a.csv", TestDb.sessions("1,Olga,Iron,true,1,2", "2,BTP,Swamp,false,0,5") + "\n"));
        assertEquals("VARCHAR", type("isp"));

        db.reopen();
        assertEquals("ENUM('BTP', 'Olga')", type("isp"), "the declared sources.yml converts the text column");
        assertEquals(List.of(List.of("1", "Olga"), List.of("2", "BTP")),
                db.rows("SELECT stream, isp FROM sessions ORDER BY stream"));

        new Ingester(db.root, plain, line -> { }).ensureSchema();
        assertEquals("VARCHAR", type("isp"), "a column no longer declared goes back to text");
        assertEquals(2, db.count("SELECT count(*) FROM sessions WHERE isp IN ('Olga', 'BTP')"));
    }

    @Test
    void aValueWithANulCharacterKeepsTheColumnTextAndLosesNothing() {
        db.ingestOne(db.write("a.csv", TestDb.sessions("1,Olga,Iron,true,1,2") + "\n"));
        assertEquals("ENUM('Olga')", type("isp"));
        // no ENUM literal can hold a NUL: the file used to be refused whole with DuckDB's parser error
        SessionsIngestTest.assertCounts(db.ingestOne(db.write("b.csv",
                TestDb.sessions("2,Ol\u0000ga,Iron,true,1,2", "3,BTP,Swamp,true,1,1") + "\n")), 2, 2, 0, 0);

        assertEquals("VARCHAR", type("isp"));
        assertEquals("ENUM('Iron', 'Swamp')", type("browser"), "the other column is unaffected");
        assertEquals(List.of(List.of("1", "Olga"), List.of("2", "Ol\u0000ga"), List.of("3", "BTP")),
                db.rows("SELECT stream, isp FROM sessions ORDER BY stream"));
        SessionsIngestTest.assertCounts(db.ingestOne(db.write("c.csv", TestDb.sessions("4,Fro,Iron,true,1,2") + "\n")),
                1, 1, 0, 0);
        db.reopen();
        assertEquals("VARCHAR", type("isp"), "a restart leaves it text");
        assertEquals(4, db.count("SELECT count(*) FROM sessions"));
    }

    @Test
    void theLakesParquetFilesHoldTheEnumColumnsAsPlainStrings() throws Exception {
        db.ingestOne(db.write("a.csv", TestDb.sessions("1,Olga,Iron,true,1,2", "2,BTP,Swamp,false,0,5") + "\n"));
        db.ingestOne(db.write("b.csv", TestDb.sessions("3,Arange,Iron,true,1,1") + "\n"));
        assertEquals("ENUM('Arange', 'BTP', 'Olga')", type("isp"));
        Path lake = dir.resolve("lake");

        assertEquals(2, new LakeWriter(lake).sync(db.root));

        String files = "'" + lake.resolve("sessions").resolve("*.parquet") + "'";
        // Trino's Hive connector reads a Parquet string as varchar; an ENUM type would reach it as something else
        assertEquals(List.of(List.of("browser", "BYTE_ARRAY", "UTF8"), List.of("isp", "BYTE_ARRAY", "UTF8")),
                db.rows("SELECT DISTINCT name, type, converted_type FROM parquet_schema(" + files + ")"
                        + " WHERE name IN ('isp', 'browser') ORDER BY name"));
        assertEquals(List.of(List.of("VARCHAR")), db.rows("SELECT DISTINCT typeof(isp) FROM read_parquet(" + files + ")"));
        assertEquals(List.of(List.of("1", "Olga", "Iron"), List.of("2", "BTP", "Swamp"), List.of("3", "Arange", "Iron")),
                db.rows("SELECT stream, isp, browser FROM read_parquet(" + files + ") ORDER BY stream"));
        // the columns Trino's table is declared with
        assertEquals("VARCHAR", LakeWriter.columns(db.root, "sessions").stream()
                .filter(c -> c[0].equals("isp")).findFirst().orElseThrow()[1]);
    }

    private SourceTables withoutLowCardinality() throws Exception {
        Path yml = dir.resolve("sources-plain.yml");
        String declared = Files.readString(Path.of("queries/model/sources.yml"));
        Files.writeString(yml, declared.replace(", lowCardinality: true", ""));
        return SourceTables.load(yml);
    }
}
