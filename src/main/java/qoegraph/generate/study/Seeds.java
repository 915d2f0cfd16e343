package qoegraph.generate.study;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the one seed, and the few distributions the generator draws from.
 * StrictMath keeps the draws, and so the files, the same on every JVM and CPU.
 */
final class Seeds {

    static final long CAST = 1;
    static final long PLAN = 2;
    static final long CATALOG = 3;
    static final long POOL = 4;
    static final long DEVICE = 5;
    static final long TRAFFIC_ROWS = 6;
    static final long HTTP_ROWS = 7;
    static final long LOCATIONS = 8;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    static SplittableRandom rng(long seed, long... parts) {
        long h = mix(seed + GOLDEN);
        for (long part : parts) {
            h = mix(h ^ (part + GOLDEN));
        }
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    /** A log-normal factor with median 1. */
    static double logNormal(SplittableRandom rng, double sigma) {
        return StrictMath.exp(sigma * gaussian(rng));
    }

    static double exponential(SplittableRandom rng, double mean) {
        return -mean * StrictMath.log(1.0 - rng.nextDouble());
    }

    static double uniform(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    static <T> T pick(SplittableRandom rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }

    /** Index drawn from cumulative weights (last element = total). */
    static int pick(SplittableRandom rng, double[] cumulative) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
