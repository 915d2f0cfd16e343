package qoegraph.bench;

import java.util.Arrays;
import java.util.List;

/** Measured durations, sorted, with percentiles in milliseconds (nearest rank). */
record Latencies(long[] sortedNanos) {

    static Latencies of(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedNanos.length;
    }

    /** @param q 0..1; NaN when nothing was measured */
    double millis(double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return millis(0.50);
    }

    double p95() {
        return millis(0.95);
    }

    double p99() {
        return millis(0.99);
    }
}
