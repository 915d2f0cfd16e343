package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.ingest.BrokenFile.Loads;
import qoegraph.ingest.BrokenFile.Refused;
import qoegraph.ingest.BrokenFile.RefusedOrBalanced;

/**
 * Every file of {@link BrokenFiles} is either refused with a message naming the file and the problem, leaving the
 * database as it was (row counts, {@code _ingest_files}, {@code _rejects}), or loaded with lines read = loaded +
 * rejected, the table and {@code _rejects} grown by exactly those numbers, and each rejected line's number right.
 * The expected figures come from how each file was built.
 */
class BrokenFilesTest {

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> eachBrokenFileIsRefusedCleanlyOrLoadedLineByLine() {
        return BrokenFiles.all().stream().map(file -> DynamicTest.dynamicTest(file.name(), () -> check(file)));
    }

    private static void check(BrokenFile broken) throws Exception {
        Path home = Files.createDirectories(dir.resolve(broken.name() + ".d"));
        try (TestDb db = new TestDb(home)) {
            db.ingestOne(db.write("earlier.csv", TestDb.sessions("1,Fro,Iron,true,1,1", "2,BTP,Iron,false,0,5")));
            String before = db.fingerprint();
            Path file = db.write(broken.name(), broken.content());
            if (broken.expected() instanceof Refused refused) {
                assertRefused(db, file, before, refused.problem());
            } else if (broken.expected() instanceof Loads loads) {
                assertLoads(db, file, loads);
            } else {
                assertRefusedOrBalanced(db, file, before, (RefusedOrBalanced) broken.expected());
            }
        }
    }

    private static void assertRefused(TestDb db, Path file, String before, String problem) {
        IngestException e = assertThrows(IngestException.class, () -> db.ingester.ingest(file),
                () -> file.getFileName() + " must be refused");
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(before, db.fingerprint(), "database unchanged");
        System.out.println("broken file " + file.getFileName() + ": refused: " + abbreviate(e.getMessage()));
    }

    private static void assertLoads(TestDb db, Path file, Loads expected) {
        long rows = db.count("SELECT count(*) FROM " + expected.table());
        long rejects = db.count("SELECT count(*) FROM _rejects");
        IngestResult result = db.ingestOne(file);
        assertEquals(List.of(expected.linesRead(), expected.loaded(), (long) expected.rejectedLines().size()),
                List.of(result.linesRead(), result.loaded(), result.rejected()),
                () -> "lines read, loaded, rejected; rejects: " + db.rejects(file));
        assertEquals(rows + expected.loaded(), db.count("SELECT count(*) FROM " + expected.table()), "rows added");
        assertEquals(rejects + expected.rejectedLines().size(), db.count("SELECT count(*) FROM _rejects"));
        TreeSet<Long> lines = new TreeSet<>();
        db.rejects(file).forEach(r -> lines.add(r.line()));
        assertEquals(expected.rejectedLines(), lines, "the physical lines rejected");
        System.out.println("broken file " + file.getFileName() + ": " + result.linesRead() + " lines, "
                + result.loaded() + " loaded, rejected lines " + lines);
    }

    private static void assertRefusedOrBalanced(TestDb db, Path file, String before, RefusedOrBalanced expected) {
        long rows = db.count("SELECT count(*) FROM " + expected.table());
        long rejects = db.count("SELECT count(*) FROM _rejects");
        IngestResult result;
        try {
            result = db.ingestOne(file);
        } catch (IngestException e) {
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            assertEquals(before, db.fingerprint(), "database unchanged");
            System.out.println("broken file " + file.getFileName() + ": refused: " + abbreviate(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            fail(file.getFileName() + ": neither loaded nor refused with an IngestException", e);
            return;
        }
        assertEquals(result.linesRead(), result.loaded() + result.rejected(), "lines read = loaded + rejected");
        if (expected.linesRead() >= 0) {
            assertEquals(expected.linesRead(), result.linesRead(), "lines read");
        }
        assertEquals(rows + result.loaded(), db.count("SELECT count(*) FROM " + expected.table()), "rows added");
        assertEquals(rejects + result.rejected(), db.count("SELECT count(*) FROM _rejects"), "rejects added");
        System.out.println("broken file " + file.getFileName() + ": " + result.linesRead() + " lines, "
                + result.loaded() + " loaded, " + result.rejected() + " rejected");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
