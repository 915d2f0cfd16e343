package qoegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTablesTest {

    private static final SourceTables SOURCES = SourceTables.load(Path.of("queries/model/sources.yml"));

    @TempDir
    Path dir;

    @Test
    void projectLayoutsLoad() {
        SourceTables tables = SOURCES;

        assertEquals(List.of("sessions", "users", "devices", "user_devices", "deviceapptraffic", "dnsreqs",
                "httpreqs", "locations"), tables.all().stream().map(SourceTable::name).toList());
        SourceTable dns = tables.table("dnsreqs").orElseThrow();
        assertEquals(22, dns.columns().size());
        assertTrue(dns.column("ans_ttl").orElseThrow().pgArray());
        assertEquals("INTEGER[]", dns.column("ans_ttl").orElseThrow().type());
        assertEquals("sessions", tables.byHeader("#stream,isp,browser,connected,p2p,cdn").orElseThrow().name());
    }

    @Test
    void everyErrorIsReportedAtOnceWithFileAndKey() throws IOException {
        Path yml = Files.writeString(dir.resolve("sources.yml"), String.join("\n",
                "tables:",
                "  good:",
                "    header: \"a,b\"",
                "    columns:",
                "      - {name: a, type: INTEGER}",
                "      - {name: b, type: \"VARCHAR[]\", format: pgarray}",
                "  Bad-Name:",
                "    header: \"x\"",
                "    columns: [{name: x, type: INTEGER}]",
                "  typos:",
                "    header: \"a,b\"",
                "    colums: []",
                "  columns_wrong:",
                "    header: \"#p,q,r\"",
                "    columns:",
                "      - {name: p, type: BOOL}",
                "      - {name: q, type: INTEGER, format: pgarray}",
                "      - {name: q, type: VARCHAR, format: csv}",
                ""));

        SourceTablesException e = assertThrows(SourceTablesException.class, () -> SourceTables.load(yml));

        String prefix = yml + ": ";
        assertEquals(List.of(
                prefix + "tables.Bad-Name: table name must match [a-z][a-z0-9_]* (names starting with _ are for bookkeeping)",
                prefix + "tables.typos.colums: unknown key (known: columns, description, files, header)",
                prefix + "tables.typos.columns: must be a non-empty list of {name, type}",
                prefix + "tables.typos.header: has 2 fields but 0 columns are declared",
                prefix + "tables.columns_wrong.columns[0].type: unknown type 'BOOL'",
                prefix + "tables.columns_wrong.columns[1].format: pgarray needs a list type such as VARCHAR[], not INTEGER",
                prefix + "tables.columns_wrong.columns[2].format: unknown format 'csv' (known: pgarray)",
                prefix + "tables.columns_wrong.columns[2].name: duplicate column 'q'",
                prefix + "tables.columns_wrong.header: field 3 is 'r' but column 3 is 'q'",
                prefix + "tables.typos.header: same header as table 'good'"), e.errors());
    }

    @Test
    void nullableIsAFlagPerColumnOffByDefault() throws IOException {
        Path yml = Files.writeString(dir.resolve("sources.yml"), String.join("\n",
                "tables:",
                "  t:",
                "    header: \"a,b\"",
                "    columns:",
                "      - {name: a, type: INTEGER}",
                "      - {name: b, type: VARCHAR, nullable: true}",
                ""));
        SourceTable t = SourceTables.load(yml).table("t").orElseThrow();
        assertEquals(List.of(false, true), t.columns().stream().map(SourceColumn::nullable).toList());
        assertTrue(SOURCES.table("httpreqs").orElseThrow().column("req_referer").orElseThrow().nullable());
        assertEquals(false, SOURCES.table("httpreqs").orElseThrow().column("devid").orElseThrow().nullable());

        Files.writeString(yml, Files.readString(yml).replace("nullable: true", "nullable: sometimes"));
        SourceTablesException e = assertThrows(SourceTablesException.class, () -> SourceTables.load(yml));
        assertEquals(List.of(yml + ": tables.t.columns[1].nullable: must be true or false"), e.errors());
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        Path yml = Files.writeString(dir.resolve("broken.yml"), "tables: [unclosed\n");

        SourceTablesException e = assertThrows(SourceTablesException.class, () -> SourceTables.load(yml));

        assertTrue(e.errors().get(0).startsWith(yml + ": not valid YAML"), e.errors().get(0));
    }

    @Test
    void closestHeaderPrefersTheSameNumberOfFields() {
        assertEquals("sessions", SOURCES.closest("1,Fro,Iron,true,1,1").orElseThrow().name());
        assertEquals("user_devices", SOURCES.closest("user,device").orElseThrow().name());
    }

    @Test
    void closestHeaderPrefersTheColumnNamesItShares() {
        // five fields like users' header, but five of sessions' six names: the file lost its last column
        assertEquals("sessions", SOURCES.closest("#stream,isp,browser,connected,p2p").orElseThrow().name());
        assertEquals("sessions", SOURCES.closest("#stream,isp,browser,connected,p2p,cnd").orElseThrow().name());
    }
}
