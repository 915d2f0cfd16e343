package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {

    @TempDir
    Path dir;

    @Test
    void aTableMadeWithAnOlderColumnTypeIsRefusedNamingBothTypes() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("old.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE sessions (stream INTEGER, isp VARCHAR, browser VARCHAR,"
                        + " connected BOOLEAN, p2p DOUBLE, cdn DOUBLE, _file_id INTEGER)");
            }
            Ingester ingester = new Ingester(connection, TestDb.SOURCES, line -> { });

            IngestException e = assertThrows(IngestException.class, ingester::ensureSchema);

            assertTrue(e.getMessage().contains("p2p DOUBLE") && e.getMessage().contains("p2p DECIMAL(18,6)"),
                    e.getMessage());
        }
    }

    @Test
    void tablesMadeByIngestPassTheCheckOnReopen() throws Exception {
        try (TestDb db = new TestDb(dir)) {
            db.reopen();
        }
    }
}
