package qoegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching and the suggestions behind the warnings for filter values that match no known value. */
class ValueCheckTest {
    private static final List<String> ISPS = List.of("Arange", "BTP", "Datch Telecam", "Fro", "Olga");

    @Test
    void likeIsSqlsLike() {
        assertTrue(ValueCheck.like("Dat%", "Datch Telecam"));
        assertTrue(ValueCheck.like("%Tele_am", "Datch Telecam"));
        assertTrue(ValueCheck.like("%", ""));
        assertTrue(ValueCheck.like("B%P%", "BTP"));
        assertFalse(ValueCheck.like("Dat", "Datch Telecam"));
        assertFalse(ValueCheck.like("_", ""));
        assertFalse(ValueCheck.like("%x%", "BTP"));
    }

    @Test
    void aPatternOfManyWildcardsTakesNoTime() {
        String pattern = "%a".repeat(5_000) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(ValueCheck.like(pattern, "a".repeat(200))));
    }

    @Test
    void theClosestKnownValuesAreTheLikelyTypos() {
        assertEquals(List.of("Datch Telecam"), ValueCheck.closest("datch telecam", ISPS));
        assertEquals(List.of("Arange"), ValueCheck.closest("Arrange", ISPS));
        assertEquals(List.of(), ValueCheck.closest("Verizon", ISPS));
        // a long value gets no suggestion (a typo is short; the distance costs length x length)
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals(List.of(),
                ValueCheck.closest("x".repeat(100_000), ISPS)));
    }

    @Test
    void aValueMatchingNoKnownValueIsReportedOnceWithTheClosest() {
        assertEquals(List.of(new ValueCheck.ValueWarning("country", "users.country", "FR", List.of("fr"))),
                ValueCheck.check("country", "users.country", "FR", List.of("fr", "uk")));
        assertEquals(List.of(), ValueCheck.check("country", "users.country", "fr", List.of("fr", "uk")));
        assertTrue(ValueCheck.matchesAny(Operator.ILIKE, "bt%", ISPS));
        assertFalse(ValueCheck.matchesAny(Operator.LIKE, "bt%", ISPS));
        assertTrue(ValueCheck.matchesAny(Operator.CONTAINS, "Tele", ISPS));
    }
}
