package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be ingested fail with a message naming the file and the problem, and change nothing. */
class UnreadableFilesTest {

    @TempDir
    Path dir;
    TestDb db;
    String before;

    @BeforeEach
    void open() {
        db = new TestDb(dir);
        db.ingestOne(db.write("earlier.csv", TestDb.sessions("1,Fro,Iron,true,1,1")));
        before = db.fingerprint();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String failure(Path file) {
        IngestException e = assertThrows(IngestException.class, () -> db.ingester.ingest(file));
        assertEquals(before, db.fingerprint(), "database unchanged");
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void emptyFile() {
        assertTrue(failure(db.write("empty.csv", "")).contains("empty file (0 bytes)"));
    }

    @Test
    void emptyGzipContent() {
        assertTrue(failure(db.gzip("empty.csv.gz", new byte[0])).contains("empty file after decompression"));
    }

    @Test
    void missingFile() {
        assertTrue(failure(dir.resolve("nowhere.csv")).endsWith("no such file"));
    }

    @Test
    void missingHeaderNamesTheLineSeenAndTheClosestHeader() {
        String message = failure(db.write("data-only.csv", "1,Fro,Iron,true,1,1\n2,Fro,Iron,true,1,1\n"));
        assertTrue(message.contains("unknown header \"1,Fro,Iron,true,1,1\""), message);
        assertTrue(message.contains("closest expected header is \"#stream,isp,browser,connected,p2p,cdn\""), message);
        assertTrue(message.endsWith("the file may lack its header line"), message);
    }

    @Test
    void wrongHeader() {
        String message = failure(db.write("typo.csv", "#stream,isp,browser,connected,p2p,cnd\n1,Fro,Iron,true,1,1\n"));
        assertTrue(message.contains("unknown header \"#stream,isp,browser,connected,p2p,cnd\""), message);
        assertTrue(message.contains("\"#stream,isp,browser,connected,p2p,cdn\" (table sessions)"), message);
    }

    @Test
    void notGzipThoughNamedGz() {
        assertTrue(failure(db.write("plain.csv.gz", TestDb.sessions("1,Fro,Iron,true,1,1")))
                .contains("not a valid gzip file although named .gz"));
    }

    @Test
    void truncatedGzip() {
        Path whole = db.gzip("whole.csv.gz", TestDb.sessions("1,Fro,Iron,true,1,1", "2,Fro,Iron,true,1,1")
                .repeat(50).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = readAll(whole);
        Path cut = db.write("cut.csv.gz", Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failure(cut).contains("truncated gzip file"));
    }

    @Test
    void loneCarriageReturnIsRefusedWithItsLine() {
        String message = failure(db.write("cr.csv", TestDb.sessions("1,Fro,Iron,true,1,1", "2,Fro,Iron,true,1,1\r"
                + "3,Fro,Iron,true,1,1")));
        assertTrue(message.contains("line 3: carriage return not followed by a line feed"), message);
    }

    @Test
    void oneBadFileInADirectoryStopsTheDirectoryBeforeAnythingIsLoaded() {
        Path folder = dir.resolve("folder");
        db.write("folder/a.csv", TestDb.sessions("7,Fro,Iron,true,1,1"));
        db.write("folder/b.csv", "no,such,header\n");
        IngestException e = assertThrows(IngestException.class, () -> db.ingester.ingest(folder));
        assertTrue(e.getMessage().contains("b.csv"), e.getMessage());
        assertEquals(before, db.fingerprint());
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
