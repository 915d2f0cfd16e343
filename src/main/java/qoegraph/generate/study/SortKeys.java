package qoegraph.generate.study;

import java.util.Arrays;

/** Orders events by time (to the millisecond, ties by index) through one sort of packed long keys. */
final class SortKeys {

    private static final int INDEX_BITS = 28;

    private SortKeys() {
    }

    static int[] order(long[] times, int count, long origin) {
        if (count >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("too many events on one device: " + count);
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            long millis = (times[i] - origin) / 1000;
            keys[i] = (millis << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = (int) (keys[k] & ((1 << INDEX_BITS) - 1));
        }
        return order;
    }
}
