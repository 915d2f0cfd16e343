package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.generate.study.StudyGenerator;

/**
 * The study tables on a hand-made fixture (src/test/resources/ingest/study): pgarray columns, and the derived
 * user_id / location_id whatever order the files arrive in.
 */
class StudyIngestTest {

    static final List<String> REFERENCES = List.of("users", "devices", "user_devices", "locations");
    static final List<String> STUDY = List.of("deviceapptraffic", "dnsreqs", "httpreqs");

    // id -> user_id, location_id, worked out by hand from the fixture: device 10 is alice's phone with stays
    // 100 [08:00, 18:00], 101 [12:00, 13:00] (inside 100, later entertime wins) and 102 [20:00, 07:00 next
    // day]; device 20 is bob's with stay 103; 30 and 31 are shared; 40 has no user; 11 has no stays.
    static final String EXPECTED_TRAFFIC = "1:1:null 2:1:100 3:1:101 4:1:101 5:1:100 6:1:100 7:1:null 8:1:102"
            + " 9:2:103 10:null:null 11:null:null 12:null:null 13:1:null";

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

    @Test
    void directoryIngestLoadsReferencesFirstAndResolvesDerivedColumnsAtInsert() {
        Path folder = fixture("a_", STUDY, REFERENCES);

        IngestSummary report = db.ingester.ingest(folder);

        assertEquals(List.of("users", "devices", "user_devices", "locations", "deviceapptraffic", "dnsreqs",
                "httpreqs"), report.files().stream().map(IngestResult::table).toList());
        assertEquals(List.of(3L, 6L, 6L, 4L, 13L, 3L, 2L), report.files().stream().map(IngestResult::loaded).toList());
        // the fixture's NULLs (devices.addresses, locations.net_*/street, dnsreqs.ans_*, httpreqs.req_referer)
        // are all in columns declared nullable: nothing is missing
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L),
                report.files().stream().map(IngestResult::incomplete).toList());
        assertEquals(0, report.rejected());
        assertDerived();
    }

    @Test
    void studyFilesBeforeTheirReferencesGetDerivedColumnsWhenTheReferencesArrive() {
        Path folder = fixture("", STUDY, REFERENCES);
        for (String table : STUDY) {
            db.ingestOne(folder.resolve(table + ".csv"));
        }
        assertEquals(0, db.count("SELECT count(*) FROM deviceapptraffic WHERE user_id IS NOT NULL"
                + " OR location_id IS NOT NULL"));
        assertEquals(0, db.count("SELECT count(*) FROM dnsreqs WHERE location_id IS NOT NULL"));
        assertEquals(0, db.count("SELECT count(*) FROM httpreqs WHERE location_id IS NOT NULL"));

        for (String table : List.of("locations", "user_devices", "users", "devices")) {
            db.ingestOne(folder.resolve(table + ".csv"));
        }

        assertDerived();
    }

    @Test
    void aNullInARequiredColumnCountsIncompleteANullInANullableOneDoesNot() {
        String header = SourcesHeader.of("httpreqs");
        String rest = ",squid,2015-03-10 12:30:05,GET,HTTP/1.1,http://a.example.com/,http,80,a.example.com,example.com,"
                + "com,http://a.example.com,/,UA,,,,,10.0.0.2,93.184.216.34,6,51000,80,222,false,false,false,false,true";
        Path file = db.write("http.csv", String.join("\n", header,
                "1,10" + rest,
                "2," + rest,
                "3,10" + rest.replace(",squid,", ",,")) + "\n");

        SessionsIngestTest.assertCounts(db.ingestOne(file), 3, 3, 0, 2);
        assertEquals(List.of(List.of("2")), db.rows("SELECT id FROM httpreqs WHERE devid IS NULL"));
    }

    @Test
    void aDeviceThatBecomesSharedLosesItsUser() {
        db.ingester.ingest(fixture("", STUDY, REFERENCES));
        db.ingestOne(db.write("more_links.csv", "user_id,device_id\n3,20\n"));

        assertEquals(List.of(List.of("9", "null")),
                db.rows("SELECT id, coalesce(user_id::VARCHAR, 'null') FROM deviceapptraffic WHERE devid = 20"));
        assertEquals(List.of(List.of("3", "null")),
                db.rows("SELECT id, coalesce(user_id::VARCHAR, 'null') FROM dnsreqs WHERE devid = 20"));
    }

    @Test
    void pgArraysBecomeLists() {
        db.ingester.ingest(fixture("", List.of("devices", "dnsreqs"), List.of()));

        assertEquals(List.of(List.of("10", "[10.0.0.2, 10.0.0.3]", "2"), List.of("11", "[10.0.0.4]", "1"),
                        List.of("20", "[]", "0"), Arrays.asList("30", null, null)),
                db.rows("SELECT id, addresses::VARCHAR, len(addresses) FROM devices WHERE id <= 30 ORDER BY id"));
        assertEquals(List.of(List.of("1", "[1, 1]", "[93.184.216.34, 93.184.216.35]", "[www.example.com]", "[300, 300]"),
                        List.of("2", "[]", "[]", "[]", "[]")),
                db.rows("SELECT id, ans_type::VARCHAR, ans_addr::VARCHAR, ans_name::VARCHAR, ans_ttl::VARCHAR"
                        + " FROM dnsreqs WHERE ans_ttl IS NOT NULL ORDER BY id"));
        assertEquals("INTEGER[]", db.rows("SELECT data_type FROM duckdb_columns() WHERE table_name = 'dnsreqs'"
                + " AND column_name = 'ans_ttl'").get(0).get(0));
    }

    @Test
    void malformedPgArraysAreRejectedWithTheirLineAndTheRestLoads() {
        String header = SourcesHeader.of("dnsreqs");
        String good = "10,17,53,40000,111,q.example.com,A,com,example.com,{1},{1.2.3.4},{q.example.com},{60},"
                + "false,false,false,true,false";
        Path file = db.write("dns.csv", String.join("\n", header,
                "1,10,2015-03-10 12:00:00,10.0.0.1," + good,
                "2,10,2015-03-10 12:00:00,10.0.0.1,10,17,53,40000,111,q,A,com,example.com,{1},{a},{b},\"{300,abc}\","
                        + "false,false,false,true,false",
                "",
                "3,10,not a time,10.0.0.1," + good,
                "4,10,2015-03-10 12:00:00,\"multi",
                "line\"," + good,
                "5,10,2015-03-10 12:00:00,10.0.0.1,10,17,53,40000,111,q,A,com,example.com,{1},not-an-array,{b},{1},"
                        + "false,false,false,true,false",
                "6,10,2015-03-10 12:00:00,10.0.0.1," + good) + "\n");

        IngestResult result = db.ingestOne(file);

        SessionsIngestTest.assertCounts(result, 7, 3, 4, 0);
        assertEquals(List.of(List.of("1"), List.of("4"), List.of("6")), db.rows("SELECT id FROM dnsreqs ORDER BY id"));
        List<TestDb.Reject> rejects = db.rejects(file);
        assertEquals(List.of(3L, 4L, 5L, 8L), rejects.stream().map(TestDb.Reject::line).toList());
        assertEquals("CAST: column \"ans_ttl\" is not a PostgreSQL array of INTEGER[]: {300,abc}",
                rejects.get(0).reason());
        assertTrue(rejects.get(0).raw().startsWith("2,10,2015-03-10 12:00:00"), rejects.get(0).raw());
        assertEquals("empty line", rejects.get(1).reason());
        assertTrue(rejects.get(2).reason().startsWith("CAST: Error when converting column \"ts\""));
        assertEquals("CAST: column \"ans_addr\" is not a PostgreSQL array of VARCHAR[]: not-an-array",
                rejects.get(3).reason());
        assertTrue(rejects.get(3).raw().startsWith("5,10,"), rejects.get(3).raw());
    }

    // The rule as stated, one correlated lookup per row, against what the segment join wrote: on the generated
    // study (overlapping stays, stays over midnight and hour boundaries), files in the usual order (values set at
    // insert) and with the stays last (values set by the UPDATE that follows a locations file).
    @Test
    void onGeneratedDataLocationIdIsTheLatestStayHoldingTs() throws IOException {
        Path study = dir.resolve("generated");
        StudyGenerator.write(study, StudyGenerator.DEFAULT_SEED, 0.01, false);
        db.ingester.ingest(study);
        assertLocationsAsStated(db);

        try (TestDb staysLast = new TestDb(dir, dir.resolve("stays-last.duckdb"))) {
            for (String table : List.of("deviceapptraffic", "dnsreqs", "httpreqs", "users", "devices", "user_devices",
                    "locations")) {
                staysLast.ingester.ingest(study.resolve(table + ".csv"));
            }
            assertLocationsAsStated(staysLast);
        }
    }

    private static void assertLocationsAsStated(TestDb db) {
        for (String table : STUDY) {
            long located = db.count("SELECT count(location_id) FROM " + table);
            long differing = db.count("SELECT count(*) FROM " + table + " AS t WHERE t.location_id IS DISTINCT FROM"
                    + " (SELECT l.id FROM locations AS l WHERE l.devid = t.devid AND l.entertime <= t.ts"
                    + " AND t.ts <= l.exittime ORDER BY l.entertime DESC, l.id DESC LIMIT 1)");
            assertTrue(located > 0, table + " has rows in stays");
            assertEquals(0, differing, table + ": rows whose location_id is not the latest stay holding ts");
        }
    }

    private void assertDerived() {
        String traffic = db.rows("SELECT id, coalesce(user_id::VARCHAR, 'null'), coalesce(location_id::VARCHAR, 'null')"
                + " FROM deviceapptraffic ORDER BY id").stream().map(r -> String.join(":", r))
                .collect(Collectors.joining(" "));
        assertEquals(EXPECTED_TRAFFIC, traffic);
        // the same stay rule on DNS and HTTP rows: dns 1 and http 1 (device 10, 12:30) are in the lunch stay 101,
        // dns 3 (device 20, 10:00) in 103; devices 30 and 31 have no stays
        assertEquals("1:1:101 2:null:null 3:2:103", joined("SELECT id, coalesce(user_id::VARCHAR, 'null'),"
                + " coalesce(location_id::VARCHAR, 'null') FROM dnsreqs ORDER BY id"));
        assertEquals("1:1:101 2:null:null", joined("SELECT id, coalesce(user_id::VARCHAR, 'null'),"
                + " coalesce(location_id::VARCHAR, 'null') FROM httpreqs ORDER BY id"));
    }

    private String joined(String sql) {
        return db.rows(sql).stream().map(r -> String.join(":", r)).collect(Collectors.joining(" "));
    }

    /** Copies fixture files into a folder, study files renamed with {@code prefix} to test the ordering. */
    private Path fixture(String prefix, List<String> study, List<String> references) {
        Path folder = dir.resolve("study");
        try {
            Files.createDirectories(folder);
            for (String table : study) {
                copy(table, folder.resolve(prefix + table + ".csv"));
            }
            for (String table : references) {
                copy(table, folder.resolve(table + ".csv"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return folder;
    }

    private static void copy(String table, Path target) throws IOException {
        try (InputStream in = StudyIngestTest.class.getResourceAsStream("/ingest/study/" + table + ".csv")) {
            Files.copy(in, target);
        }
    }

    /** Headers from sources.yml, so fixtures written in tests follow the declared layout. */
    static final class SourcesHeader {
        static String of(String table) {
            return TestDb.SOURCES.table(table).orElseThrow().header();
        }
    }
}
