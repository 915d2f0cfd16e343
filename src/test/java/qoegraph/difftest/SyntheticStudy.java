package qoegraph.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Study files this package writes itself for what the generated study lacks: traffic in the small hours
 * around every change of UTC offset of the query zones (the generated participants sleep then), overlapping
 * location stays with shared entry times, rows of a device no table knows, NULL byte counts, negative flow
 * ids, fractional seconds, and a stay name with a comma and quotes. Users and devices are the generated ones.
 */
final class SyntheticStudy {
    static final int TRAFFIC_ROWS = 30_000;
    /** UTC instants where Europe/Paris, Europe/London or America/St_Johns changed offset in 2015. */
    static final List<LocalDateTime> TIME_CHANGES = List.of(
            LocalDateTime.of(2015, 3, 29, 1, 0), LocalDateTime.of(2015, 10, 25, 1, 0),
            LocalDateTime.of(2015, 3, 8, 5, 30), LocalDateTime.of(2015, 11, 1, 4, 30));
    private static final String[] PLACES = {"home", "work", "café", "gym", "O'Neill's, \"the\" pub"};
    private static final int[][] PORTS = {{80, 6}, {443, 6}, {53, 17}, {993, 6}, {5222, 6}};
    private static final String[] SERVICES = {"http", "https", "domain", "imaps", "xmpp-client"};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SyntheticStudy() {
    }

    static void write(Path generatedStudy, Path dir, long seed) {
        try {
            Files.createDirectories(dir);
            for (String table : List.of("users", "devices", "user_devices")) {
                Files.copy(generatedStudy.resolve(table + ".csv"), dir.resolve(table + ".csv"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            SplittableRandom random = new SplittableRandom(seed);
            writeStays(dir.resolve("locations.csv"), random);
            writeTraffic(dir.resolve("deviceapptraffic.csv"), random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime someTime(SplittableRandom random) {
        if (random.nextInt(10) < 6) {
            LocalDateTime change = TIME_CHANGES.get(random.nextInt(TIME_CHANGES.size()));
            return change.plusSeconds(random.nextLong(-8 * 3600, 8 * 3600));
        }
        return LocalDateTime.of(2015, 3, 1, 0, 0).plusSeconds(random.nextLong(275L * 24 * 3600));
    }

    private static void writeStays(Path file, SplittableRandom random) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,devid,source,entertime,exittime,name,loc_id,loc_name,net_public_ip,net_reverse_dns,"
                    + "net_asnumber,net_asname,lat,lon,street,city,country,overlap\n");
            long id = 1;
            for (int device = 1; device <= 47; device++) {
                LocalDateTime previous = null;
                for (int i = 0; i < 14; i++) {
                    // now and then the same entry time as the stay before: the higher id must win
                    LocalDateTime enter = previous != null && random.nextInt(8) == 0 ? previous : someTime(random);
                    LocalDateTime exit = enter.plusMinutes(random.nextInt(10, 3 * 24 * 60));
                    String name = PLACES[random.nextInt(PLACES.length)];
                    out.write(id++ + "," + device + ",moves," + enter.format(SECONDS) + "," + exit.format(SECONDS) + ","
                            + csv(name) + ",,,,,,,,,,,,f\n");
                    previous = enter;
                }
            }
        }
    }

    private static void writeTraffic(Path file, SplittableRandom random) throws IOException {
        long[] flows = new long[TRAFFIC_ROWS / 3];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = random.nextLong();
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,devid,ts,srcip,dstip,proto,srcport,dstport,flowid,packets_in,bytes_in,packets_out,bytes_out,"
                    + "service\n");
            for (int id = 1; id <= TRAFFIC_ROWS; id++) {
                int device = random.nextInt(50) == 0 ? 99 : 1 + random.nextInt(47);
                LocalDateTime ts = someTime(random);
                String time = random.nextInt(10) == 0 ? ts.plusNanos(random.nextInt(1_000_000) * 1000L).format(MICROS)
                        : ts.format(SECONDS);
                int port = random.nextInt(PORTS.length);
                String bytesOut = random.nextInt(100) == 0 ? "" : String.valueOf(random.nextInt(200_000));
                out.write(id + "," + device + "," + time + ",10.9.0." + device + ",93.184.0." + random.nextInt(40) + ","
                        + PORTS[port][1] + "," + random.nextInt(1024, 65536) + "," + PORTS[port][0] + ","
                        + flows[random.nextInt(flows.length)] + "," + random.nextInt(60) + ","
                        + random.nextInt(3_000_000) + "," + random.nextInt(60) + "," + bytesOut + "," + SERVICES[port]
                        + "\n");
            }
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
