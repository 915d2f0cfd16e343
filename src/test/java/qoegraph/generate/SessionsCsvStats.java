package qoegraph.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the published analyses compute from the sessions CSV, read back with plain Java and nothing of the
 * generator. A row with an empty cdn (the cut-off last line) counts as a viewer but, as in pandas, has no
 * p2p fraction and no total size.
 */
final class SessionsCsvStats {

    /** Viewers of one group, those with p2p > 0, and the sum of their per-row p2p fractions. */
    static final class Tally {
        long rows;
        long notConnected;
        long withP2p;
        double fractionSum;
        long fractionRows;

        long connected() {
            return rows - notConnected;
        }

        double meanFraction() {
            return fractionSum / fractionRows;
        }

        double withP2pShare() {
            return (double) withP2p / rows;
        }
    }

    String header;
    long rows;
    long zeroP2p;
    long notConnectedWithP2p;
    long rowsWithoutCdn;
    long malformedLines;
    String lastLine;
    boolean endsWithNewline;
    boolean hasCarriageReturn;
    final List<String> streamOrder = new ArrayList<>();
    final Map<String, Tally> byStream = new LinkedHashMap<>();
    final Map<String, Tally> byIsp = new LinkedHashMap<>();
    final Map<String, Tally> byBrowser = new LinkedHashMap<>();
    final Tally connected = new Tally();
    final Tally notConnected = new Tally();
    double connectedBytes;
    double notConnectedBytes;
    final Map<String, long[]> largeWithP2pAndCdnOnly = new LinkedHashMap<>();
    /** The same split of the viewers over 100 MB, by ISP. */
    final Map<String, long[]> largeByIsp = new LinkedHashMap<>();
    final Map<String, Long> stream7Isps = new LinkedHashMap<>();

    static SessionsCsvStats read(Path file) throws IOException {
        SessionsCsvStats stats = new SessionsCsvStats();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            stats.header = in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                stats.add(line);
            }
        }
        stats.endsWithNewline = lastByte(file) == '\n';
        return stats;
    }

    private void add(String line) {
        lastLine = line;
        hasCarriageReturn |= line.indexOf('\r') >= 0;
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            malformedLines++;
            return;
        }
        String stream = f[0];
        boolean isConnected = f[3].equals("true");
        double p2p = Double.parseDouble(f[4]);
        Double fraction = null;
        rows++;
        if (streamOrder.isEmpty() || !streamOrder.get(streamOrder.size() - 1).equals(stream)) {
            streamOrder.add(stream);
        }
        zeroP2p += p2p == 0 ? 1 : 0;
        notConnectedWithP2p += !isConnected && p2p != 0 ? 1 : 0;
        if (f[5].isEmpty()) {
            rowsWithoutCdn++;
        } else {
            double total = p2p + Double.parseDouble(f[5]);
            fraction = p2p / total;
            addBytes(isConnected, total);
            addLarge(largeWithP2pAndCdnOnly, f[2], p2p, total);
            addLarge(largeByIsp, f[1], p2p, total);
        }
        if (stream.equals("7")) {
            stream7Isps.merge(f[1], 1L, Long::sum);
        }
        for (Tally t : List.of(tally(byStream, stream), tally(byIsp, f[1]), tally(byBrowser, f[2]),
                isConnected ? connected : notConnected)) {
            count(t, isConnected, p2p, fraction);
        }
    }

    private void addBytes(boolean isConnected, double total) {
        if (isConnected) {
            connectedBytes += total;
        } else {
            notConnectedBytes += total;
        }
    }

    private static void addLarge(Map<String, long[]> by, String key, double p2p, double total) {
        if (total > 100_000_000) {
            by.computeIfAbsent(key, k -> new long[2])[p2p > 0 ? 0 : 1]++;
        }
    }

    private static void count(Tally t, boolean isConnected, double p2p, Double fraction) {
        t.rows++;
        t.notConnected += isConnected ? 0 : 1;
        t.withP2p += p2p > 0 ? 1 : 0;
        if (fraction != null) {
            t.fractionSum += fraction;
            t.fractionRows++;
        }
    }

    private static Tally tally(Map<String, Tally> map, String key) {
        return map.computeIfAbsent(key, k -> new Tally());
    }

    private static int lastByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read();
        }
    }
}
