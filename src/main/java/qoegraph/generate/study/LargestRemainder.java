package qoegraph.generate.study;

/** Splits an integer total in proportion to weights so that the parts add up to it exactly. */
final class LargestRemainder {

    private LargestRemainder() {
    }

    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] parts = new long[weights.length];
        if (total == 0 || sum <= 0) {
            if (total != 0) {
                throw new IllegalArgumentException("cannot split " + total + " over zero weights");
            }
            return parts;
        }
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    /** As {@link #apportion} but no part exceeds its cap; what a capped part cannot take goes to the others. */
    static long[] apportion(long total, double[] weights, long[] caps) {
        double[] active = weights.clone();
        long[] parts = new long[weights.length];
        long left = total;
        while (true) {
            long[] trial = apportion(left, active);
            boolean capped = false;
            for (int i = 0; i < trial.length; i++) {
                if (active[i] > 0 && trial[i] > caps[i]) {
                    parts[i] = caps[i];
                    left -= caps[i];
                    active[i] = 0;
                    capped = true;
                }
            }
            if (!capped) {
                for (int i = 0; i < trial.length; i++) {
                    if (active[i] > 0) {
                        parts[i] = trial[i];
                    }
                }
                return parts;
            }
        }
    }
}
