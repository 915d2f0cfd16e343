package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the sessions layout: good lines, cut-off last lines, every kind of bad line. */
class SessionsIngestTest {

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

    static void assertCounts(IngestResult result, long lines, long loaded, long rejected, long incomplete) {
        assertEquals(IngestStatus.INGESTED, result.status());
        assertEquals(result.linesRead(), result.loaded() + result.rejected(), "lines read = loaded + rejected");
        assertEquals(List.of(lines, loaded, rejected, incomplete),
                List.of(result.linesRead(), result.loaded(), result.rejected(), result.incomplete()),
                "lines, loaded, rejected, incomplete");
    }

    @Test
    void goodFileLoadsEveryRowAndCountsTheCutOffLastLineIncomplete() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,195910.840977,1000.5",
                "1,Arange,EarthWolf,false,0,5000",
                "2,Datch Telecam,Vectrice,true,0.5,2.25",
                "3,Olga,Swamp,false,0,",
                "9,BTP,EarthWolf,true,6100.582815,"));

        IngestResult result = db.ingestOne(file);

        assertCounts(result, 5, 5, 0, 2);
        assertEquals("sessions", result.table());
        assertEquals(List.of(
                        List.of("1", "Arange", "EarthWolf", "false", "0.000000", "5000.000000"),
                        List.of("1", "Fro", "Iron", "true", "195910.840977", "1000.500000"),
                        List.of("2", "Datch Telecam", "Vectrice", "true", "0.500000", "2.250000"),
                        List.of("3", "Olga", "Swamp", "false", "0.000000", "null"),
                        List.of("9", "BTP", "EarthWolf", "true", "6100.582815", "null")),
                db.rows("SELECT stream, isp, browser, connected, p2p, coalesce(cdn::VARCHAR, 'null') FROM sessions"
                        + " ORDER BY stream, isp"));
        assertEquals(List.of(List.of("1", "sessions", "5", "5", "0", "2")), db.rows(
                "SELECT file_id, table_name, lines_read, loaded, rejected, incomplete FROM _ingest_files"));
        assertEquals(5, db.count("SELECT count(*) FROM sessions WHERE _file_id = 1"));
        assertTrue(db.rejects(file).isEmpty());
        assertEquals("ingesting sessions.csv (0.2 kB) into sessions...", db.progress.get(0));
        assertTrue(db.progress.get(1).matches("sessions\\.csv: 5 lines, 5 loaded, 0 rejected, 2 incomplete in"
                + " \\d+\\.\\d\\d s"), db.progress.get(1));
        assertTrue(db.progress.get(2).startsWith("ingest of sessions.csv: 1 file(s), 5 rows loaded, 0 rejected,"
                + " 0 skipped as duplicates in "), db.progress.get(2));
    }

    @Test
    void cutOffLastLineWithoutTrailingSeparatorIsLoadedWithNull() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,1.5,2.5",
                "9,BTP,EarthWolf,true,6100.582815"));

        assertCounts(db.ingestOne(file), 2, 2, 0, 1);
        assertEquals(List.of(Arrays.asList("9", "BTP", "EarthWolf", "true", "6100.582815", null)),
                db.rows("SELECT * EXCLUDE (_file_id) FROM sessions WHERE cdn IS NULL"));
        assertTrue(db.rejects(file).isEmpty());
    }

    @Test
    void shortLineElsewhereIsARejectEvenAtTheEndWithALineFeed() {
        Path middle = db.write("middle.csv", TestDb.sessions(
                "1,Fro,Iron,true,1.5,2.5",
                "2,Fro,Iron,true,1.5",
                "3,Fro,Iron,true,1.5,2.5"));
        Path last = db.write("last.csv", TestDb.sessions(
                "4,Fro,Iron,true,1.5,2.5",
                "5,Fro,Iron,true,1.5") + "\n");

        assertCounts(db.ingestOne(middle), 3, 2, 1, 0);
        assertCounts(db.ingestOne(last), 2, 1, 1, 0);

        assertEquals(List.of(new TestDb.Reject(3, "2,Fro,Iron,true,1.5",
                "MISSING COLUMNS: Expected Number of Columns: 6 Found: 5")), db.rejects(middle));
        assertEquals(List.of(new TestDb.Reject(3, "5,Fro,Iron,true,1.5",
                "MISSING COLUMNS: Expected Number of Columns: 6 Found: 5")), db.rejects(last));
    }

    @Test
    void cutOffLastLineTwoFieldsShortIsAReject() {
        Path file = db.write("sessions.csv", TestDb.sessions("1,Fro,Iron,true,1.5,2.5", "9,BTP,EarthWolf,true"));

        assertCounts(db.ingestOne(file), 2, 1, 1, 0);
        assertEquals(3, db.rejects(file).get(0).line());
    }

    @Test
    void wrongColumnCountsAreRejectedWithTheirPhysicalLine() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,1.5,2.5",
                "1,Fro,Iron,true,1.5,2.5,7",
                "1,Fro",
                "1,Fro,Iron,true,1.5,2.5") + "\n");

        assertCounts(db.ingestOne(file), 4, 2, 2, 0);
        assertEquals(List.of(
                new TestDb.Reject(3, "1,Fro,Iron,true,1.5,2.5,7", "TOO MANY COLUMNS: Expected Number of Columns: 6 Found: 7"),
                new TestDb.Reject(4, "1,Fro", "MISSING COLUMNS: Expected Number of Columns: 6 Found: 2")),
                db.rejects(file));
    }

    @Test
    void nonNumericValuesAreRejectedWithEveryBadColumnNamed() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "x,Fro,Iron,true,1.5,2.5",
                "1,Fro,Iron,true,abc,2.5",
                "1,Fro,Iron,true,1.5,2.5",
                "1,Fro,Iron,true,1e3,two") + "\n");

        assertCounts(db.ingestOne(file), 4, 1, 3, 0);
        List<TestDb.Reject> rejects = db.rejects(file);
        assertEquals(List.of(2L, 3L, 5L), rejects.stream().map(TestDb.Reject::line).toList());
        assertEquals("CAST: Error when converting column \"stream\". Could not convert string \"x\" to 'INTEGER'",
                rejects.get(0).reason());
        assertEquals("1,Fro,Iron,true,abc,2.5", rejects.get(1).raw());
        assertTrue(rejects.get(2).reason().contains("\"two\""), rejects.get(2).reason());
    }

    @Test
    void crlfLineEndsLoadLikeLf() {
        Path file = db.write("sessions.csv", (TestDb.SESSIONS_HEADER + "\r\n1,Fro,Iron,true,1.5,2.5\r\n"
                + "2,Fro,Iron,true,oops,2.5\r\n3,Olga,Swamp,false,0,\r\n"));

        assertCounts(db.ingestOne(file), 3, 2, 1, 1);
        assertEquals(List.of(List.of("1", "2.500000"), Arrays.asList("3", null)),
                db.rows("SELECT stream, cdn FROM sessions ORDER BY stream"));
        assertEquals(List.of(new TestDb.Reject(3, "2,Fro,Iron,true,oops,2.5",
                "CAST: Error when converting column \"p2p\". Could not convert string \"oops\" to 'DECIMAL'")),
                db.rejects(file));
    }

    @Test
    void utf8ByteOrderMarkIsIgnored() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = TestDb.sessions("1,Fro,Iron,true,1.5,2.5").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        assertCounts(db.ingestOne(db.write("bom.csv", content)), 1, 1, 0, 0);
        assertEquals(1, db.count("SELECT stream FROM sessions"));
    }

    @Test
    void invalidUtf8IsRejectedAndTheRestLoads() {
        byte[] bad = (TestDb.sessions("1,Fro,Iron,true,1.5,2.5", "2,Fr@@o,Iron,true,1.5,2.5",
                "3,Fro,Iron,true,1.5,2.5") + "\n").getBytes(StandardCharsets.UTF_8);
        String text = new String(bad, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("@@");
        bad[at] = (byte) 0xFF;
        bad[at + 1] = (byte) 0xFE;
        Path file = db.write("sessions.csv", bad);

        assertCounts(db.ingestOne(file), 3, 2, 1, 0);
        TestDb.Reject reject = db.rejects(file).get(0);
        assertEquals(3, reject.line());
        assertTrue(reject.reason().startsWith("INVALID ENCODING"), reject.reason());
    }

    @Test
    void blankLinesAreRejectsNotLostLines() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,1.5,2.5", "", "2,Fro,Iron,true,1.5,2.5", "", "") + "\n");

        assertCounts(db.ingestOne(file), 5, 2, 3, 0);
        assertEquals(List.of(new TestDb.Reject(3, "", "empty line"), new TestDb.Reject(5, "", "empty line"),
                new TestDb.Reject(6, "", "empty line")), db.rejects(file));
    }

    @Test
    void booleansInEveryAcceptedSpelling() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,1,1", "2,Fro,Iron,false,1,1", "3,Fro,Iron,True,1,1", "4,Fro,Iron,False,1,1",
                "5,Fro,Iron,1,1,1", "6,Fro,Iron,0,1,1", "7,Fro,Iron,t,1,1", "8,Fro,Iron,f,1,1",
                "9,Fro,Iron,TRUE,1,1", "10,Fro,Iron,maybe,1,1") + "\n");

        assertCounts(db.ingestOne(file), 10, 9, 1, 0);
        assertEquals(List.of(List.of("1,3,5,7,9")), db.rows(
                "SELECT string_agg(stream::VARCHAR, ',' ORDER BY stream) FROM sessions WHERE connected"));
        assertEquals(List.of(List.of("2,4,6,8")), db.rows(
                "SELECT string_agg(stream::VARCHAR, ',' ORDER BY stream) FROM sessions WHERE NOT connected"));
        assertEquals(11, db.rejects(file).get(0).line());
    }

    @Test
    void quotedFieldsAndMultiLineRecordsKeepPhysicalLineNumbers() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,\"Datch Telecam\",Iron,true,1,1",
                "2,\"multi", "line\",Iron,true,1,1",
                "3,\"say \"\"hi\"\"\",Iron,true,1,1",
                "4,\"\",Iron,true,1,1",
                "5,Fro,Iron,true,bad,1") + "\n");

        assertCounts(db.ingestOne(file), 5, 4, 1, 0);
        assertEquals(List.of(List.of("Datch Telecam"), List.of("multi\nline"), List.of("say \"hi\""), List.of("")),
                db.rows("SELECT isp FROM sessions ORDER BY stream"));
        assertEquals(7, db.rejects(file).get(0).line(), "header 1, record 2 on lines 3-4, bad record on line 7");
    }

    @Test
    void unterminatedQuoteRejectsTheRestOfTheFileAsOneLine() {
        Path file = db.write("sessions.csv", TestDb.sessions(
                "1,Fro,Iron,true,1,1", "2,\"Fro,Iron,true,1,1", "3,Fro,Iron,true,1,1") + "\n");

        assertCounts(db.ingestOne(file), 2, 1, 1, 0);
        assertEquals(3, db.rejects(file).get(0).line());
    }

    @Test
    void headerOnlyFileLoadsNothing() {
        assertCounts(db.ingestOne(db.write("sessions.csv", TestDb.SESSIONS_HEADER + "\n")), 0, 0, 0, 0);
        assertCounts(db.ingestOne(db.write("no-newline.csv", TestDb.SESSIONS_HEADER + "\r\n\n")), 1, 0, 1, 0);
    }
}
