package qoegraph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.sql.SqlRunner;
import qoegraph.sql.SqlStatement;

/** Report files: the header, the binding of parameters, and the start-up errors with file and line. */
class ReportFilesTest {
    private static final String HEADER = "-- name: byCountry\n"
            + "-- description: Users of a country.\n"
            + "-- param: country String = 'fr' | The country.\n"
            + "-- column: id Int | The user's id.\n";

    @TempDir
    Path dir;

    private Report one(String text) throws Exception {
        Files.writeString(dir.resolve("r.sql"), text);
        return Reports.load(dir).all().get(0);
    }

    private List<String> problems(String text) throws Exception {
        Files.writeString(dir.resolve("bad.sql"), text);
        return assertThrows(ReportException.class, () -> Reports.load(dir)).problems();
    }

    @Test
    void namedParametersBecomeTypedPlaceholdersBoundInTextOrderRepeatsIncluded() throws Exception {
        Report report = one(HEADER.replace("-- column:", "-- param: n Int = 3 range 1..10 | How many.\n-- column:")
                + "SELECT id FROM users WHERE (:country IS NULL OR country = :country) AND id < :n\n"
                + "  AND username <> ':country' AND CAST(id AS VARCHAR)::INTEGER > 0 -- :not_a_param\n;\n");
        assertEquals("SELECT id FROM users WHERE (CAST(? AS VARCHAR) IS NULL OR country = CAST(? AS VARCHAR))"
                + " AND id < CAST(? AS INTEGER)\n  AND username <> ':country' AND CAST(id AS VARCHAR)::INTEGER > 0"
                + " -- :not_a_param", report.sql());
        SqlStatement statement = report.bind(Map.of("n", 5), 10);
        assertEquals(List.of("fr", "fr", 5), statement.params());
        Report anyCountry = one(HEADER.replace("= 'fr'", "= null")
                + "SELECT id FROM users WHERE :country IS NULL OR country = :country");
        assertEquals(Arrays.asList(null, null), anyCountry.bind(Map.of(), 10).params());
        assertEquals(Arrays.asList(null, null), anyCountry.bind(nullCountry(), 10).params());
    }

    private static Map<String, Object> nullCountry() {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("country", null);
        return values;
    }

    @Test
    void aSqlLookingValueIsBoundAndMatchesNothing() throws Exception {
        Report report = one(HEADER + "SELECT id FROM users WHERE country = :country ORDER BY id");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER, country VARCHAR)");
            s.execute("INSERT INTO users VALUES (1, 'fr'), (2, 'uk')");
            Reports.of(List.of(report)).check(db, new DuckDbDialect());
            SqlRunner runner = new SqlRunner(Duration.ofSeconds(5));
            assertEquals(List.of(Map.of("id", 1)), runner.run(db, report.bind(Map.of(), 10)).rows());
            assertEquals(List.of(), runner.run(db, report.bind(Map.of("country", "fr' OR 1=1 --"), 10)).rows());
            assertEquals(2L, count(s, "SELECT count(*) FROM users"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void valuesOutsideTheDeclaredRangeOrNullWithADefaultAreRefused() throws Exception {
        Report report = one(HEADER.replace("-- column:", "-- param: n Int = 3 range 1..10 | How many.\n-- column:")
                + "SELECT id FROM users WHERE country = :country LIMIT :n");
        ReportArgumentException e = assertThrows(ReportArgumentException.class, () -> report.bind(Map.of("n", 0), 10));
        assertEquals("n is 0 but must be in 1..10 (default 3)", e.getMessage());
        e = assertThrows(ReportArgumentException.class, () -> report.bind(nullCountry(), 10));
        assertEquals("country must not be null; omit it to use the default fr", e.getMessage());
    }

    @Test
    void dateTimeParametersAreBoundAsUtcTimestamps() throws Exception {
        Report report = one("-- name: since\n-- description: d.\n"
                + "-- param: from DateTime = '2015-03-29T02:00:00+02:00' | From.\n-- column: x Int | x.\n"
                + "SELECT 1 AS x WHERE :from > TIMESTAMP '2015-01-01'");
        assertEquals(List.of(LocalDateTime.of(2015, 3, 29, 0, 0)), report.bind(Map.of(), 1).params());
        assertEquals(List.of(LocalDateTime.of(2015, 1, 1, 11, 0)),
                report.bind(Map.of("from", OffsetDateTime.parse("2015-01-01T12:00:00+01:00")), 1).params());
    }

    @Test
    void anUnknownTypeNamesFileAndLine() throws Exception {
        List<String> problems = problems(HEADER.replace("id Int", "id Integer") + "SELECT 1 AS id");
        assertEquals(List.of(dir.resolve("bad.sql") + ":4: unknown type 'Integer'; use one of Int, Long, Float,"
                + " String, Boolean, DateTime"), problems.subList(0, 1));
    }

    @Test
    void aParameterUsedButNotDeclaredNamesTheLineOfUse() throws Exception {
        List<String> problems = problems(HEADER + "SELECT id\nFROM users\nWHERE country = :country AND id > :min_id");
        assertEquals(List.of(dir.resolve("bad.sql") + ":7: parameter :min_id is used but not declared; add"
                + " '-- param: min_id <type> [= <default>] | <description>'"), problems);
    }

    @Test
    void aParameterDeclaredButUnusedNamesItsDeclaration() throws Exception {
        List<String> problems = problems(HEADER + "SELECT id FROM users");
        assertEquals(List.of(dir.resolve("bad.sql") + ":3: parameter country is declared but the SQL never uses"
                + " :country"), problems);
    }

    @Test
    void headerMistakesAreAllReportedAtOnce() throws Exception {
        List<String> problems = problems("-- name: By Country\n-- param: n Int = x | How many.\n"
                + "-- param: b Boolean range 1..2 | Flag.\n-- column: id Int |\nSELECT :n, :b; SELECT 2");
        String file = dir.resolve("bad.sql").toString();
        assertEquals(List.of(
                file + ":1: report name 'By Country' must be a lowerCamelCase GraphQL name, e.g. userRanking",
                file + ":2: default x is not a Int",
                file + ":3: range is only for Int, Long and Float parameters",
                file + ":4: a description is required after '|': GraphiQL's docs pane shows it",
                file + ":1: the header has no '-- description: ...' line",
                file + ":5: a report holds one SQL statement; found more than one"), problems);
    }

    @Test
    void columnsThatDoNotMatchTheSqlFailTheCheckWithTheDeclarationLine() throws Exception {
        Report report = one("-- name: cols\n-- description: c.\n-- column: id Int | Id.\n"
                + "-- column: name Long | Name.\n-- column: extra String | Missing.\n"
                + "SELECT id, username AS name FROM users");
        Report renamed = one("-- name: cols\n-- description: c.\n-- column: id Int | Id.\n"
                + "SELECT id, country FROM users");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER, username VARCHAR, country VARCHAR)");
            List<String> problems = assertThrows(ReportException.class,
                    () -> Reports.of(List.of(report)).check(db, new DuckDbDialect())).problems();
            String file = dir.resolve("r.sql").toString();
            assertEquals(List.of(file + ":4: column name is declared Long but the SQL returns VARCHAR",
                    file + ":5: column extra is declared but the SQL returns no such column"), problems);
            assertEquals(List.of(file + ":4: the SQL returns column country (VARCHAR) that the header does not declare"),
                    assertThrows(ReportException.class, () -> Reports.of(List.of(renamed)).check(db, new DuckDbDialect())).problems());
        }
    }

    @Test
    void sqlThatDoesNotPrepareFailsWithTheStatementLine() throws Exception {
        Report report = one(HEADER + "SELECT id FROM no_such_table WHERE country = :country");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> problems = assertThrows(ReportException.class,
                    () -> Reports.of(List.of(report)).check(db, new DuckDbDialect())).problems();
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith(dir.resolve("r.sql") + ":5: the SQL does not prepare: "),
                    problems.get(0));
            assertTrue(problems.get(0).contains("no_such_table"), problems.get(0));
        }
    }

    @Test
    void twoFilesWithOneNameAreRefused() throws Exception {
        Files.writeString(dir.resolve("a.sql"), HEADER + "SELECT id FROM users WHERE country = :country");
        Files.writeString(dir.resolve("b.sql"), HEADER + "SELECT id FROM users WHERE country = :country");
        assertEquals(List.of(dir.resolve("b.sql") + ":1: report name 'byCountry' is already used by "
                + dir.resolve("a.sql")), assertThrows(ReportException.class, () -> Reports.load(dir)).problems());
    }

    @Test
    void noFolderMeansNoReports() {
        assertEquals(List.of(), Reports.load(dir.resolve("absent")).all());
    }
}
