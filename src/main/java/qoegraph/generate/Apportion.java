package qoegraph.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Integer splits that hit their totals exactly: the generator's counts come from here, never from luck. */
final class Apportion {

    private static final int FIT_ROUNDS = 500;

    private Apportion() {
    }

    /**
     * Splits {@code total} in proportion to {@code weights} (largest remainder), no part above its cap
     * ({@code caps} may be null). Ties go to the lower index, so the result is deterministic.
     */
    static long[] byWeight(long total, double[] weights, long[] caps) {
        long[] parts = new long[weights.length];
        double sum = Arrays.stream(weights).sum();
        if (total == 0) {
            return parts;
        }
        if (sum <= 0) {
            throw new IllegalStateException("cannot split " + total + " over zero weights");
        }
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double share = total * weights[i] / sum;
            parts[i] = Math.min((long) Math.floor(share), cap(caps, i));
            remainders[i] = share - parts[i];
            given += parts[i];
        }
        int[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        while (given < total) {
            long before = given;
            for (int i : order) {
                if (given < total && weights[i] > 0 && parts[i] < cap(caps, i)) {
                    parts[i]++;
                    given++;
                }
            }
            if (given == before) {
                throw new IllegalStateException("caps too small to split " + total);
            }
        }
        return parts;
    }

    /**
     * Rounds a table of expected counts to integers whose row and column sums are exactly the given
     * totals, each cell within its cap ({@code caps} may be null). Rows are rounded first, then units move
     * between columns inside a row, always where that moves the table least away from the expectation.
     */
    static long[][] table(double[][] expected, long[] rowTotals, long[] colTotals, long[][] caps) {
        long[][] cells = new long[expected.length][];
        for (int r = 0; r < expected.length; r++) {
            cells[r] = byWeight(rowTotals[r], expected[r], caps == null ? null : caps[r]);
        }
        long[] excess = new long[colTotals.length];
        for (int c = 0; c < excess.length; c++) {
            excess[c] = -colTotals[c];
            for (long[] row : cells) {
                excess[c] += row[c];
            }
        }
        moveExcess(cells, expected, excess, caps);
        return cells;
    }

    /**
     * Splits every cell of a table in two parts, the first parts' row and column sums exactly
     * {@code rowParts} and {@code colParts}: iterative proportional fitting of both parts to their two margins
     * and to the cells (a logistic model of the first part's share), then exact rounding within the cells.
     *
     * @return the first parts
     */
    static long[][] split(long[][] cells, long[] rowParts, long[] colParts) {
        long[] rowRest = new long[rowParts.length];
        long[] colRest = new long[colParts.length];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < colParts.length; c++) {
                rowRest[r] += cells[r][c];
                colRest[c] += cells[r][c];
            }
        }
        for (int r = 0; r < rowRest.length; r++) {
            rowRest[r] -= rowParts[r];
        }
        for (int c = 0; c < colRest.length; c++) {
            colRest[c] -= colParts[c];
        }
        double[][] part = half(cells);
        double[][] rest = half(cells);
        for (int round = 0; round < FIT_ROUNDS; round++) {
            fitRows(part, rowParts);
            fitRows(rest, rowRest);
            fitColumns(part, colParts);
            fitColumns(rest, colRest);
            fitCells(part, rest, cells);
        }
        return table(part, rowParts, colParts, cells);
    }

    private static void fitRows(double[][] table, long[] targets) {
        for (int r = 0; r < table.length; r++) {
            double sum = 0;
            for (double v : table[r]) {
                sum += v;
            }
            for (int c = 0; c < table[r].length && sum > 0; c++) {
                table[r][c] *= targets[r] / sum;
            }
        }
    }

    private static void fitColumns(double[][] table, long[] targets) {
        for (int c = 0; c < targets.length; c++) {
            double sum = 0;
            for (double[] row : table) {
                sum += row[c];
            }
            for (int r = 0; r < table.length && sum > 0; r++) {
                table[r][c] *= targets[c] / sum;
            }
        }
    }

    private static void fitCells(double[][] part, double[][] rest, long[][] cells) {
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                double sum = part[r][c] + rest[r][c];
                if (sum > 0) {
                    part[r][c] *= cells[r][c] / sum;
                    rest[r][c] *= cells[r][c] / sum;
                }
            }
        }
    }

    private static double[][] half(long[][] cells) {
        double[][] half = new double[cells.length][cells[0].length];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                half[r][c] = cells[r][c] * 0.5;
            }
        }
        return half;
    }

    private static void moveExcess(long[][] cells, double[][] expected, long[] excess, long[][] caps) {
        for (int from = 0; from < excess.length; from++) {
            while (excess[from] > 0) {
                int to = firstNegative(excess);
                int row = bestRowToMove(cells, expected, caps, from, to);
                cells[row][from]--;
                cells[row][to]++;
                excess[from]--;
                excess[to]++;
            }
        }
    }

    private static int firstNegative(long[] excess) {
        for (int c = 0; c < excess.length; c++) {
            if (excess[c] < 0) {
                return c;
            }
        }
        throw new IllegalStateException("row and column totals differ");
    }

    private static int bestRowToMove(long[][] cells, double[][] expected, long[][] caps, int from, int to) {
        int best = -1;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < cells.length; r++) {
            if (cells[r][from] == 0 || cells[r][to] >= cap(caps == null ? null : caps[r], to)) {
                continue;
            }
            double gain = (cells[r][from] - expected[r][from]) - (cells[r][to] - expected[r][to]);
            if (gain > bestGain) {
                bestGain = gain;
                best = r;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no row can move a unit from column " + from + " to " + to);
        }
        return best;
    }

    private static long cap(long[] caps, int i) {
        return caps == null ? Long.MAX_VALUE : caps[i];
    }
}
