package qoegraph.engine.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import qoegraph.sql.SqlFragment;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;

class DuckDbDialectTest {
    private final DuckDbDialect dialect = new DuckDbDialect();
    private final SqlFragment ts = SqlFragment.text("\"t\".\"ts\"");

    @Test
    void identifiersAreQuotedWithQuotesDoubled() {
        assertEquals("\"sessions\"", dialect.quote("sessions"));
        assertEquals("\"a\"\"; DROP\"", dialect.quote("a\"; DROP"));
        assertEquals("\"device\".\"os\"", dialect.column("device", "os"));
    }

    @Test
    void likeWildcardsAndTheEscapeAreEscaped() {
        assertEquals("a\\_b\\%c\\\\d", dialect.escapeLike("a_b%c\\d"));
        SqlFragment like = dialect.like(ts, "x\\%%", false, true);
        assertEquals("\"t\".\"ts\" LIKE ? ESCAPE '\\'", like.sql());
        assertEquals(List.of("x\\%%"), like.params());
    }

    @Test
    void zonesAreBoundNeverWritten() {
        SqlFragment day = dialect.bucketStartUtc(Granularity.DAY, ts, ZoneId.of("Europe/Paris"));
        assertEquals("timezone('UTC', timezone(?, date_trunc('day', timezone(?, timezone('UTC', \"t\".\"ts\")))))", day.sql());
        assertEquals(List.of("Europe/Paris", "Europe/Paris"), day.params());
        assertEquals("isodow(\"t\".\"ts\")", dialect.datePart(DatePart.DAY_OF_WEEK, ts).sql());
    }

    @Test
    void bucketsBindTheirWidthAndBase() {
        SqlFragment bucket = dialect.bucket(ts, 1000);
        assertEquals("(floor(\"t\".\"ts\" / ?) * ?)", bucket.sql());
        assertEquals(List.of(1000.0, 1000.0), bucket.params());
        SqlFragment quantile = dialect.quantile(ts, 0.95);
        assertEquals("quantile_cont(\"t\".\"ts\", ?)", quantile.sql());
        assertEquals(List.of(0.95), quantile.params());
    }
}
