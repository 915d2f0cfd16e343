package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line numbers from DuckDB's parallel reader on a file large enough to be split between threads, with
 * defects far apart, a multi-line record and a blank line that shift the physical numbering.
 */
class LargeFileTest {

    @TempDir
    Path dir;

    @Test
    void rejectsCarryTheirPhysicalLineAcrossAParallelRead() throws IOException {
        Path file = SessionsFiles.write(dir.resolve("sessions.csv"), 400_000);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, "1,Fro,Iron,true,bad,1");                 // physical line 2
        lines.set(99_999, "1,Fro,Iron,true,1,1,1");            // line 100,000
        lines.set(149_999, "4,\"Datch\nTelecam\",Iron,true,1,1"); // lines 150,000-150,001: one record
        lines.set(199_999, "");                                // line 200,001 (after the shift)
        lines.set(299_999, "7,Fro,Iron,maybe,1,1");            // line 300,001
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);

        try (TestDb db = new TestDb(dir)) {
            SessionsIngestTest.assertCounts(db.ingestOne(file), 400_000, 399_996, 4, 1);

            assertEquals(List.of(2L, 100_000L, 200_001L, 300_001L),
                    db.rejects(file).stream().map(TestDb.Reject::line).toList());
            assertEquals("7,Fro,Iron,maybe,1,1", db.rejects(file).get(3).raw());
            assertEquals(1, db.count("SELECT count(*) FROM sessions WHERE isp = 'Datch\nTelecam'"));
        }
    }
}
