package qoegraph.generate;

import java.util.SplittableRandom;

/**
 * Where a viewer's p2p+cdn falls in nominal x U(0.95, 1.05). For the streams whose range straddles
 * {@link PublishedSessions#LARGE_BYTES} the half is chosen by quota, so the count of large viewers is exact.
 */
enum SizeBand {
    ANY, ABOVE, BELOW;

    /** A milli-byte of margin keeps "above" strictly above the nominal size once the CSV is parsed back. */
    private static final long MARGIN_MICROS = 1_000;

    /** Draws p2p+cdn in micro-bytes. */
    long drawMicros(long nominalBytes, SplittableRandom random) {
        long nominal = nominalBytes * 1_000_000;
        long low = nominal / 100 * 95;
        return switch (this) {
            case ANY -> low + random.nextLong(nominal / 10);
            case ABOVE -> nominal + MARGIN_MICROS + random.nextLong(nominal / 20 - MARGIN_MICROS);
            case BELOW -> low + random.nextLong(nominal / 20);
        };
    }
}
