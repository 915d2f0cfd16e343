package qoegraph.generate;

import java.util.List;
import java.util.SplittableRandom;

/** One block of a stream: every quota cell's viewers once, with drawn p2p fractions, in shuffled order. */
final class StreamBlock {

    /** Fractions spread evenly around the cell mean, within 90% of the distance to 0 and to 1. */
    private static final double SPREAD = 0.9;

    private final List<SessionCell> cells;
    private final int[] cellOf;
    private final double[] fraction;

    private StreamBlock(List<SessionCell> cells, int size) {
        this.cells = cells;
        this.cellOf = new int[size];
        this.fraction = new double[size];
    }

    static StreamBlock draw(List<SessionCell> cells, FractionModel model, SplittableRandom random) {
        int size = (int) cells.stream().mapToLong(SessionCell::count).sum();
        StreamBlock block = new StreamBlock(cells, size);
        int row = 0;
        for (int c = 0; c < cells.size(); c++) {
            SessionCell cell = cells.get(c);
            double mean = model.mean(cell.stream(), cell.isp(), cell.browser());
            for (int k = 0; k < cell.count(); k++, row++) {
                block.cellOf[row] = c;
                block.fraction[row] = cell.usage() == Usage.P2P ? stratified(mean, k, cell.count(), random) : 0;
            }
        }
        block.shuffle(random);
        return block;
    }

    int size() {
        return cellOf.length;
    }

    SessionCell cell(int row) {
        return cells.get(cellOf[row]);
    }

    double fraction(int row) {
        return fraction[row];
    }

    /** One draw per stratum of [mean - h, mean + h]: the cell's mean comes out right without luck. */
    private static double stratified(double mean, long k, long n, SplittableRandom random) {
        double half = SPREAD * Math.min(mean, 1 - mean);
        return mean - half + 2 * half * (k + random.nextDouble()) / n;
    }

    private void shuffle(SplittableRandom random) {
        for (int i = cellOf.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int cell = cellOf[i];
            cellOf[i] = cellOf[j];
            cellOf[j] = cell;
            double f = fraction[i];
            fraction[i] = fraction[j];
            fraction[j] = f;
        }
    }
}
