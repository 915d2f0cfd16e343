package qoegraph.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static qoegraph.generate.PublishedSessions.BROWSERS;
import static qoegraph.generate.PublishedSessions.CUT_OFF_BROWSER;
import static qoegraph.generate.PublishedSessions.CUT_OFF_ISP;
import static qoegraph.generate.PublishedSessions.CUT_OFF_P2P_MICROS;
import static qoegraph.generate.PublishedSessions.CUT_OFF_STREAM;
import static qoegraph.generate.PublishedSessions.ISPS;
import static qoegraph.generate.PublishedSessions.STREAMS;

/**
 * Writes a stand-in for the Streamroot P2P sessions CSV (docs/architecture.md): same layout, same published
 * counts exactly, same published means within a fraction of a percent, the same cut-off last line.
 * Counts come from a seed-independent quota table; the seed only draws the values and the row order.
 */
public final class SessionsGenerator {

    public static final long DEFAULT_SEED = 20160101L;

    private static final int CUT_OFF_ISP_INDEX = PublishedSessions.ispIndex(CUT_OFF_ISP);
    private static final int CUT_OFF_BROWSER_INDEX = PublishedSessions.browserIndex(CUT_OFF_BROWSER);

    private SessionsGenerator() {
    }

    /**
     * Writes the CSV; scale is a whole multiplier of the rows (1 = the published file, 10, 100 for benchmarks).
     * Each stream's block is written scale times, so every count is scale times the published one, and only
     * the file's last line is cut off. Same seed and scale give a byte-identical file.
     *
     * @return rows written, the cut-off row included
     */
    public static long write(Path file, long seed, int scale) throws IOException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1: " + scale);
        }
        List<SessionCell> cells = SessionQuotas.build();
        FractionModel model = FractionModel.fit(cells);
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        try (SessionsCsv out = new SessionsCsv(new BufferedOutputStream(Files.newOutputStream(file)),
                names(ISPS), names(BROWSERS))) {
            out.header(PublishedSessions.HEADER);
            for (int s = 0; s < STREAMS.size(); s++) {
                for (int block = 0; block < scale; block++) {
                    boolean cutOff = s == STREAMS.size() - 1 && block == scale - 1;
                    written += writeBlock(out, streamCells(cells, s, cutOff), model, random);
                }
            }
            out.cutOffRow(CUT_OFF_STREAM, CUT_OFF_ISP_INDEX, CUT_OFF_BROWSER_INDEX, CUT_OFF_P2P_MICROS);
        }
        return written + 1;
    }

    private static long writeBlock(SessionsCsv out, List<SessionCell> cells, FractionModel model,
            SplittableRandom random) throws IOException {
        StreamBlock block = StreamBlock.draw(cells, model, random);
        for (int row = 0; row < block.size(); row++) {
            SessionCell cell = block.cell(row);
            long total = cell.band().drawMicros(STREAMS.get(cell.stream()).nominalBytes(), random);
            long p2p = cell.usage() == Usage.P2P ? Math.max(1, Math.round(total * block.fraction(row))) : 0;
            out.row(STREAMS.get(cell.stream()).stream(), cell.isp(), cell.browser(), cell.usage().connected(),
                    p2p, total - p2p);
        }
        return block.size();
    }

    /** The stream's cells; the file's last block leaves one P2P viewer out for the cut-off row. */
    private static List<SessionCell> streamCells(List<SessionCell> cells, int stream, boolean cutOff) {
        List<SessionCell> own = new ArrayList<>();
        boolean withheld = !cutOff;
        for (SessionCell c : cells) {
            if (c.stream() != stream) {
                continue;
            }
            if (!withheld && isCutOffCell(c)) {
                c = c.withBand(c.band(), c.count() - 1);
                withheld = true;
            }
            own.add(c);
        }
        if (!withheld) {
            throw new IllegalStateException("no viewer left for the cut-off row");
        }
        return own;
    }

    private static boolean isCutOffCell(SessionCell c) {
        return STREAMS.get(c.stream()).stream() == CUT_OFF_STREAM && c.isp() == CUT_OFF_ISP_INDEX
                && c.browser() == CUT_OFF_BROWSER_INDEX && c.usage() == Usage.P2P && c.count() > 0;
    }

    private static List<String> names(List<CategoryTarget> targets) {
        return targets.stream().map(CategoryTarget::name).toList();
    }
}
