package qoegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, whatever the order the durations came in. */
class LatenciesTest {
    @Test
    void percentilesOfOneToHundredMilliseconds() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            nanos.add(ms * 1_000_000);
        }
        Collections.shuffle(nanos, new java.util.Random(7));
        Latencies latencies = Latencies.of(nanos);
        assertEquals(100, latencies.count());
        assertEquals(50.0, latencies.p50());
        assertEquals(95.0, latencies.p95());
        assertEquals(99.0, latencies.p99());
        assertEquals(1.0, latencies.millis(0));
        assertEquals(100.0, latencies.millis(1));
    }

    @Test
    void nothingMeasuredIsNotANumber() {
        assertTrue(Double.isNaN(Latencies.of(List.of()).p50()));
    }
}
