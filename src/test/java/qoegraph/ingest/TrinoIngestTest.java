package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.trino.Trino;
import qoegraph.testsupport.TrinoTarget;

/**
 * The ingest's promises with the Trino engine, on the broken-file corpus: DuckDB still reads and checks every file
 * (a refused file leaves Trino's tables as they were; a loaded one adds exactly its loaded rows, under its file id,
 * all at once), the rejects stay in DuckDB's bookkeeping, and ingesting the same files again adds nothing to the
 * lake. A half-written lake file is invisible to Trino. Runs with a Trino given ({@link TrinoTarget}).
 */
@EnabledIf("qoegraph.testsupport.TrinoTarget#given")
class TrinoIngestTest {
    @TempDir
    static Path dir;
    private static TestDb db;
    private static Trino trino;
    private static Path lake;

    @BeforeAll
    static void open() throws SQLException {
        String schema = "ingest_" + Long.toHexString(System.nanoTime());
        lake = Path.of(TrinoTarget.LAKE).resolve(schema);
        trino = new Trino(new Trino.Settings(TrinoTarget.URL, "ingest-test", "lake", schema, lake, "local:///" + schema), 1);
        db = new TestDb(dir);
        db.ingester.afterEachIngest(trino.lakeSync(TestDb.SOURCES.all()));
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void everyBrokenFileReachesTrinoWholeOrNotAtAll() throws Exception {
        List<Path> files = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (BrokenFile broken : BrokenFiles.all()) {
            Map<String, Long> before = trinoRowsByFile();
            Path file = db.write(broken.name(), broken.content());
            files.add(file);
            try {
                IngestResult result = db.ingestOne(file);
                Map<String, Long> after = trinoRowsByFile();
                int fileId = newestFileId();
                Map<String, Long> expected = new TreeMap<>(before);
                if (result.loaded() > 0) {
                    expected.put(result.table() + "#" + fileId, result.loaded());
                }
                assertEquals(expected, after, broken.name() + ": Trino has the file's loaded rows under its id, and no more");
                assertEquals(result.linesRead(), result.loaded() + result.rejected(), broken.name());
                loaded++;
            } catch (IngestException e) {
                assertEquals(before, trinoRowsByFile(), broken.name() + ": a refused file leaves Trino as it was");
                refused++;
            }
        }
        assertEquals(duckdbRowsByFile(), trinoRowsByFile(), "Trino and DuckDB hold the same rows per file");
        long lakeFiles = lakeFiles();
        Map<String, Long> rows = trinoRowsByFile();
        for (Path file : files) {
            try {
                IngestResult again = db.ingestOne(file);
                assertEquals(IngestStatus.SKIPPED_DUPLICATE, again.status(), file.getFileName() + " again");
            } catch (IngestException e) {
                // refused again: as the first time
            }
        }
        assertEquals(lakeFiles, lakeFiles(), "ingesting the same files again writes nothing to the lake");
        assertEquals(rows, trinoRowsByFile(), "and adds no row");
        System.out.println("broken files on Trino: " + loaded + " loaded, " + refused + " refused, " + lakeFiles
                + " lake files");
        assertTrue(loaded > 10 && refused > 3, loaded + " loaded, " + refused + " refused");
    }

    @Test
    void aHalfWrittenLakeFileIsInvisible() throws Exception {
        db.ingestOne(db.write("whole.csv", TestDb.sessions("1,Fro,Iron,true,1,1", "2,BTP,Iron,false,0,5")));
        Map<String, Long> before = trinoRowsByFile();
        Path folder = lake.resolve("sessions");
        Files.write(folder.resolve(".file-999999.parquet.writing"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        assertEquals(before, trinoRowsByFile(), "a hidden file being written is not read");
        Files.write(folder.resolve("file-999999.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        assertThrows(SQLException.class, TrinoIngestTest::trinoRowsByFile, "a torn file where readers look fails loudly");
        Files.delete(folder.resolve("file-999999.parquet"));
        assertEquals(before, trinoRowsByFile());
    }

    private static Map<String, Long> trinoRowsByFile() throws SQLException {
        try (Connection c = trino.connections().open()) {
            return rowsByFile(c);
        }
    }

    private static Map<String, Long> duckdbRowsByFile() throws SQLException {
        try (Connection c = ((org.duckdb.DuckDBConnection) db.root).duplicate()) {
            return rowsByFile(c);
        }
    }

    /** Rows per table and file id, {@code sessions#3}, over every declared table. */
    private static Map<String, Long> rowsByFile(Connection c) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (var table : TestDb.SOURCES.all()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT _file_id, count(*) FROM " + table.name() + " GROUP BY _file_id")) {
                while (rs.next()) {
                    rows.put(table.name() + "#" + rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return rows;
    }

    private static int newestFileId() {
        return (int) db.count("SELECT max(file_id) FROM _ingest_files");
    }

    private static long lakeFiles() throws Exception {
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
        }
    }
}
