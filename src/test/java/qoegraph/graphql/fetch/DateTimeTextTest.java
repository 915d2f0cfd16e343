package qoegraph.graphql.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DateTime text is the extended scalar's own, over random instants, zones and edge values. */
class DateTimeTextTest {
    private static String scalar(OffsetDateTime time) {
        return (String) ExtendedScalars.DateTime.getCoercing().serialize(time, GraphQLContext.getDefault(), Locale.ROOT);
    }

    @Test
    void randomTimesReadAsTheScalarWritesThem() {
        Random random = new Random(20261204);
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("America/St_Johns"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"), ZoneOffset.ofHours(-12), ZoneOffset.ofHoursMinutes(14, 0));
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L);   // years 1 to 9999
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            OffsetDateTime time = OffsetDateTime.ofInstant(instant, zones.get(random.nextInt(zones.size())));
            String text = DateTimeText.format(time);
            if (text != null) {
                assertEquals(scalar(time), text, time.toString());
            }
        }
    }

    @Test
    void edgesAreThoseOfTheScalarOrLeftToIt() {
        for (OffsetDateTime time : List.of(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(2015, 3, 2, 7, 23, 0, 999_999, ZoneOffset.ofHours(5)))) {
            assertEquals(scalar(time), DateTimeText.format(time));
        }
        assertEquals("2015-04-02T14:37:00.000Z", DateTimeText.format(OffsetDateTime.of(2015, 4, 2, 14, 37, 0, 0, ZoneOffset.UTC)));
        assertNull(DateTimeText.format(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertNull(DateTimeText.format(OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertNull(DateTimeText.format(OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(561))));
    }
}
