package qoegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamesTest {
    static final List<String> SESSIONS = List.of("count", "connectedCount", "connectedShare", "p2pBytes", "cdnBytes",
            "cdn", "p2p", "totalBytes", "p2pShare", "meanP2pFraction", "p2pViewerCount", "avgTotalBytes");

    @Test
    void anAbbreviationBeatsAShortEditDistance() {
        assertEquals(Optional.of("count"), Names.closest("cnt", SESSIONS));
        assertEquals(Optional.of("totalBytes"), Names.closest("totBytes", SESSIONS));
    }

    @Test
    void theSameNameInAnotherCaseBeatsAnAbbreviation() {
        List<String> names = List.of("p2pViewerShare", "p2pShare", "p2pBytes");
        assertEquals(Optional.of("p2pShare"), Names.closest("p2pshare", names));
        assertEquals(Optional.of("p2pShare"), Names.closest("P2PSHARE", names));
    }

    @Test
    void typosStillFindTheirName() {
        assertEquals(Optional.of("cdn"), Names.closest("cdnn", SESSIONS));
        assertEquals(Optional.of("p2pShare"), Names.closest("p2pshar", SESSIONS));
        assertEquals(Optional.of("count"), Names.closest("coutn", SESSIONS));
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        assertEquals(Optional.empty(), Names.closest("browserVersion", SESSIONS));
        assertEquals("", Names.didYouMean("x", SESSIONS));
    }
}
