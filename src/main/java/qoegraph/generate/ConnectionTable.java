package qoegraph.generate;

import static qoegraph.generate.PublishedSessions.ISPS;
import static qoegraph.generate.PublishedSessions.STREAMS;

/**
 * Viewers per stream x ISP, all of them and the not-connected ones, with every published margin exact.
 * Depends on no seed: the same table underlies every generated file.
 */
record ConnectionTable(long[][] rows, long[][] notConnected) {

    /** Stream 7's ISP mix as the write-ups describe it (ISP order of {@link PublishedSessions#ISPS}). */
    private static final int STREAM_7 = 6; // index of stream 7
    private static final long[] STREAM_7_MIX = {18_500, 500, 23_250, 37_250, 500};

    static ConnectionTable build() {
        long[][] rows = allRows();
        return new ConnectionTable(rows, notConnected(rows));
    }

    long connected(int stream, int isp) {
        return rows[stream][isp] - notConnected[stream][isp];
    }

    /** Stream 7 is fixed; the other streams share the remaining viewers of each ISP evenly. */
    private static long[][] allRows() {
        long[] ispLeft = ISPS.stream().mapToLong(CategoryTarget::rows).toArray();
        for (int i = 0; i < ispLeft.length; i++) {
            ispLeft[i] -= STREAM_7_MIX[i];
        }
        long left = sum(ispLeft);
        long[] streamRows = new long[STREAMS.size() - 1];
        double[][] expected = new double[streamRows.length][];
        for (int s = 0, k = 0; s < STREAMS.size(); s++) {
            if (s == STREAM_7) {
                continue;
            }
            streamRows[k] = STREAMS.get(s).rows();
            expected[k++] = scaled(ispLeft, (double) STREAMS.get(s).rows() / left);
        }
        long[][] others = Apportion.table(expected, streamRows, ispLeft, null);
        long[][] rows = new long[STREAMS.size()][];
        for (int s = 0, k = 0; s < STREAMS.size(); s++) {
            rows[s] = s == STREAM_7 ? STREAM_7_MIX.clone() : others[k++];
        }
        return rows;
    }

    /**
     * Not-connected viewers: the stream x ISP cells split by their two margins (a logistic model of the
     * not-connected share, {@link Apportion#split}), with exact rounding.
     */
    private static long[][] notConnected(long[][] rows) {
        return Apportion.split(rows, STREAMS.stream().mapToLong(StreamTarget::notConnected).toArray(),
                ISPS.stream().mapToLong(CategoryTarget::notConnected).toArray());
    }

    private static double[] scaled(long[] values, double factor) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }
}
