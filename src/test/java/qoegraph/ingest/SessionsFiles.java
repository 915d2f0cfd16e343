package qoegraph.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes large sessions-like files (the published layout, random values) for speed and crash tests. */
final class SessionsFiles {

    private static final String[] ISPS = {"Fro", "Arange", "BTP", "Datch Telecam", "Olga"};
    private static final String[] BROWSERS = {"Iron", "EarthWolf", "Vectrice", "Swamp"};

    private SessionsFiles() {
    }

    /** {@code rows} data lines, rows grouped by stream, ending with the real file's cut-off last line. */
    static Path write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TestDb.SESSIONS_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < rows - 1; i++) {
                boolean connected = random.nextInt(10) > 0;
                long p2p = connected ? random.nextLong(300_000_000_000L) : 0;
                line.setLength(0);
                line.append(1 + (long) i * 9 / rows).append(',').append(ISPS[random.nextInt(ISPS.length)]).append(',')
                        .append(BROWSERS[random.nextInt(BROWSERS.length)]).append(',').append(connected).append(',');
                micros(line, p2p).append(',');
                micros(line, random.nextLong(300_000_000_000L)).append('\n');
                out.append(line);
            }
            out.write("9,BTP,EarthWolf,true,6100.582815,");
        }
        return file;
    }

    // Bytes with 6 decimals, as in the real file; String.format would dominate the run time.
    private static StringBuilder micros(StringBuilder line, long micros) {
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return line.append(micros / 1_000_000).append('.').append(fraction);
    }
}
