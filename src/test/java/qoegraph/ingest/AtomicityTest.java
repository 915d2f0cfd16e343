package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that fails at any point, or a process killed mid-file (kill -9), leaves nothing of that file behind: the
 * database opens, holds what it held before (earlier files, their rejects, derived columns as they were) or the
 * whole file, and the same file ingests fully on the next try.
 */
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
        String before;
        try (TestDb db = new TestDb(dir, database)) {
            db.ingestOne(db.write("earlier.csv", TestDb.sessions("1,Fro,Iron,true,1,1", "2,Fro,bad,oops,1,1")));
            before = db.fingerprint();
        }
        Process child = startVictim(database, csv);
        boolean finished = false;
        try (BufferedReader out = output(child)) {
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
            assertTrue(db.fingerprint().equals(before) || rows == 1 + 600_000 && files == 2,
                    db.fingerprint() + " is neither " + before + " nor the whole file" + (finished
                    ? " (child had finished)" : " (killed)"));
            assertEquals(List.of(List.of("1", "1")), db.rows("SELECT count(*), count(DISTINCT _file_id) FROM sessions"
                    + " WHERE _file_id = 1"), "the earlier file's row is intact");
            assertEquals(1, db.count("SELECT count(*) FROM _rejects"), "the earlier file's reject only");
            System.out.println("kill -9 test: " + (finished ? "child had finished" : "killed mid-file") + ", rows "
                    + rows + ", files " + files);
            if (files == 1) {
                SessionsIngestTest.assertCounts(db.ingestOne(csv), 600_000, 600_000, 0, 1);
            } else {
                assertEquals(IngestStatus.SKIPPED_DUPLICATE, db.ingestOne(csv).status());
            }
            assertEquals(1 + 600_000, db.count("SELECT count(*) FROM sessions"), "the whole file on the next try");
        }
    }

    // The user_devices file recomputes user_id over every traffic row in its transaction: a kill while it runs
    // leaves every row without an owner (before) or every row with its owner (after), never some of each.
    @Test
    void killedWhileDerivedColumnsAreRecomputedLeavesThemAllBeforeOrAllAfter() throws Exception {
        int rows = 200_000;
        Path traffic = TrafficFiles.traffic(dir.resolve("traffic.csv"), rows);
        Path owners = TrafficFiles.owners(dir.resolve("user_devices.csv"));
        Path database = dir.resolve("crash-derived.duckdb");
        Process child = startVictim(database, traffic, owners);
        boolean finished;
        try (BufferedReader out = output(child)) {
            for (String line = out.readLine(); line != null && !line.startsWith("ingesting user_devices.csv");
                 line = out.readLine()) {
                assertTrue(!line.contains("Exception"), line);
            }
            finished = !child.isAlive();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        String wrongOwner = "SELECT count(*) FROM deviceapptraffic WHERE user_id IS DISTINCT FROM 1 + devid % 3";
        try (TestDb db = new TestDb(dir, database)) {
            assertEquals(rows, db.count("SELECT count(*) FROM deviceapptraffic"), "the traffic file had committed");
            long links = db.count("SELECT count(*) FROM user_devices");
            long owned = db.count("SELECT count(*) FROM deviceapptraffic WHERE user_id IS NOT NULL");
            assertTrue(links == 0 && owned == 0 || links == TrafficFiles.DEVICES && db.count(wrongOwner) == 0,
                    links + " links, " + owned + " rows with an owner" + (finished ? " (child had finished)" : ""));
            System.out.println("kill -9 during a derived-column recompute: " + links + " links, " + owned
                    + " rows with an owner");
            db.ingester.ingest(owners);
            assertEquals(0, db.count(wrongOwner), "every row has its owner after the next try");
        }
    }

    private static Process startVictim(Path database, Path... files) throws Exception {
        String paths = String.join(File.pathSeparator, Stream.of(files).map(Path::toString).toList());
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashVictim.class.getName(), database.toString(),
                paths, Path.of("queries/model/sources.yml").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
    }

    private static BufferedReader output(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }
}
