package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that fails at any point, or a process killed mid-file, leaves nothing of that file behind. */
class AtomicityTest {

    @TempDir
    Path dir;

    @Test
    void failureAtTheLastStatementRollsBackRowsAndRejects() {
        try (TestDb db = new TestDb(dir)) {
            db.ingestOne(db.write("first.csv", TestDb.sessions("1,Fro,Iron,true,1,1")));
            String before = db.fingerprint();
            // Take the file id the next ingest will draw, so its final _ingest_files insert fails.
            db.execute("INSERT INTO _ingest_files (file_id, path, sha256, table_name)"
                    + " VALUES (currval('_ingest_file_id_seq') + 1, 'squatter', 'x', 'sessions')");
            String squatted = db.fingerprint();
            Path file = db.write("second.csv", TestDb.sessions("2,Fro,Iron,true,1,1", "", "3,Fro,Iron,bad,1,1",
                    "9,BTP,EarthWolf,true,6100.582815"));

            IngestException e = assertThrows(IngestException.class, () -> db.ingester.ingest(file));

            assertTrue(e.getMessage().contains("second.csv: not ingested, nothing stored"), e.getMessage());
            assertEquals(squatted, db.fingerprint());
            assertEquals(List.of(List.of("1")), db.rows("SELECT count(*) FROM sessions"));
            db.execute("DELETE FROM _ingest_files WHERE path = 'squatter'");
            assertEquals(before, db.fingerprint());
            SessionsIngestTest.assertCounts(db.ingestOne(file), 4, 2, 2, 1);
        }
    }

    @Test
    void failureFoundAfterDuckDbLoadedTheRowsRollsThemBack() {
        // DuckDB reads a CR inside quotes without complaint (and drops it); the Java scan refuses the file
        // after the INSERT has run, so the rows must be rolled back.
        try (TestDb db = new TestDb(dir)) {
            String before = db.fingerprint();
            Path file = db.write("quoted-cr.csv", TestDb.sessions("1,Fro,Iron,true,1,1", "2,\"a\rb\",Iron,true,1,1",
                    "3,Fro,Iron,true,1,1") + "\n");

            IngestException e = assertThrows(IngestException.class, () -> db.ingester.ingest(file));

            assertTrue(e.getMessage().contains("line 3: carriage return"), e.getMessage());
            assertEquals(before, db.fingerprint());
        }
    }

    @Test
    void killedMidFileLeavesNoHalfFile() throws Exception {
        Path csv = SessionsFiles.write(dir.resolve("big.csv"), 600_000);
        Path database = dir.resolve("crash.duckdb");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashVictim.class.getName(), database.toString(),
                csv.toString(), Path.of("queries/model/sources.yml").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        boolean finished = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.startsWith("ingesting"); line = out.readLine()) {
                assertTrue(!line.contains("Exception"), line);
            }
            // Kill once DuckDB is writing the file's rows to the database file (uncommitted blocks).
            long initial = Files.size(database);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && Files.size(database) < initial + 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            finished = !child.isAlive();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        try (TestDb db = new TestDb(dir, database)) {
            long rows = db.count("SELECT count(*) FROM sessions");
            long files = db.count("SELECT count(*) FROM _ingest_files");
            assertTrue(rows == 0 && files == 0 || rows == 600_000 && files == 1,
                    "rows " + rows + ", files " + files + (finished ? " (child had finished)" : " (killed)"));
            assertEquals(0, db.count("SELECT count(*) FROM _rejects"));
            System.out.println("kill -9 test: " + (finished ? "child had finished" : "killed mid-file") + ", rows "
                    + rows + ", files " + files);
            if (files == 0) {
                SessionsIngestTest.assertCounts(db.ingestOne(csv), 600_000, 600_000, 0, 1);
            } else {
                assertEquals(IngestResult.SKIPPED_DUPLICATE, db.ingestOne(csv).status());
            }
        }
    }
}
