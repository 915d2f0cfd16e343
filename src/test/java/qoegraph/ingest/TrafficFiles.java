package qoegraph.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Study files for the fault tests: traffic rows spread over a few devices, and the user_devices file that gives
 * each device its owner (which makes the ingest recompute traffic's user_id over every row).
 */
final class TrafficFiles {
    static final int DEVICES = 10;
    static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Traffic row i is at START + 10 i seconds. */
    static final LocalDateTime START = LocalDateTime.of(2015, 4, 1, 0, 0);

    private TrafficFiles() {
    }

    static int device(int row) {
        return 1 + row % DEVICES;
    }

    static int owner(int device) {
        return 1 + device % 3;
    }

    static Path traffic(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TestDb.SOURCES.table("deviceapptraffic").orElseThrow().header());
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.write(i + "," + device(i) + "," + TIMES.format(START.plusSeconds(10L * i))
                        + ",10.0.0.1,1.1.1.1,6,50000,443," + i + ",1,100,1,10,https\n");
            }
        }
        return file;
    }

    static Path owners(Path file) throws IOException {
        StringBuilder owners = new StringBuilder("user_id,device_id\n");
        for (int d = 1; d <= DEVICES; d++) {
            owners.append(owner(d)).append(',').append(d).append('\n');
        }
        return Files.writeString(file, owners);
    }
}
