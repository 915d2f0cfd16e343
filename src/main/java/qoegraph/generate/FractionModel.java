package qoegraph.generate;

import java.util.Arrays;
import java.util.List;

import static qoegraph.generate.PublishedSessions.BROWSERS;
import static qoegraph.generate.PublishedSessions.ISPS;
import static qoegraph.generate.PublishedSessions.STREAMS;

/**
 * Mean p2p fraction of the P2P viewers in each stream x ISP x browser, as a multiplicative model
 * stream x ISP x browser fitted by iterative proportional fitting: every published group mean (taken over
 * all of the group's rows, zeros included) then holds. Depends on no seed.
 */
final class FractionModel {

    /** Keeps every P2P viewer's fraction below 1, so a P2P viewer still takes something from the CDN. */
    static final double MAX_MEAN = 0.95;
    private static final int ROUNDS = 2_000;
    private static final double TOLERANCE = 1e-4;

    private final double[][] factors;
    private final long[][][] p2pViewers;

    private FractionModel(long[][][] p2pViewers) {
        this.p2pViewers = p2pViewers;
        this.factors = new double[][] {ones(STREAMS.size()), ones(ISPS.size()), ones(BROWSERS.size())};
    }

    static FractionModel fit(List<SessionCell> cells) {
        long[][][] p2p = new long[STREAMS.size()][ISPS.size()][BROWSERS.size()];
        cells.stream().filter(c -> c.usage() == Usage.P2P)
                .forEach(c -> p2p[c.stream()][c.isp()][c.browser()] += c.count());
        FractionModel model = new FractionModel(p2p);
        double[][] targets = {
                STREAMS.stream().mapToDouble(t -> t.rows() * t.meanP2pFraction()).toArray(),
                ISPS.stream().mapToDouble(t -> t.rows() * t.meanP2pFraction()).toArray(),
                BROWSERS.stream().mapToDouble(t -> t.rows() * t.meanP2pFraction()).toArray()};
        for (int round = 0; round < ROUNDS; round++) {
            for (int dim = 0; dim < 3; dim++) {
                model.scale(dim, targets[dim]);
            }
        }
        model.check(targets);
        return model;
    }

    double mean(int stream, int isp, int browser) {
        return Math.min(MAX_MEAN, factors[0][stream] * factors[1][isp] * factors[2][browser]);
    }

    private void scale(int dim, double[] targets) {
        double[] sums = sums(dim);
        for (int level = 0; level < targets.length; level++) {
            factors[dim][level] *= targets[level] / sums[level];
        }
    }

    /** A capped model may not reach its targets: fail loudly rather than write a file that misses them. */
    private void check(double[][] targets) {
        for (int dim = 0; dim < 3; dim++) {
            double[] sums = sums(dim);
            for (int level = 0; level < sums.length; level++) {
                double error = Math.abs(sums[level] / targets[dim][level] - 1);
                if (error > TOLERANCE) {
                    throw new IllegalStateException("p2p fraction fit misses dimension " + dim + " level " + level
                            + " by " + error);
                }
            }
        }
    }

    /** Sum of the p2p fractions per level of one dimension (0 stream, 1 ISP, 2 browser). */
    private double[] sums(int dim) {
        double[] sums = new double[factors[dim].length];
        for (int s = 0; s < STREAMS.size(); s++) {
            for (int i = 0; i < ISPS.size(); i++) {
                for (int b = 0; b < BROWSERS.size(); b++) {
                    int level = dim == 0 ? s : dim == 1 ? i : b;
                    sums[level] += p2pViewers[s][i][b] * mean(s, i, b);
                }
            }
        }
        return sums;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
