package qoegraph.generate.study;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the tests measure in a generated study, read back from the files alone (nothing from the generator),
 * the way the study's notebook computes it.
 */
final class StudyFacts {

    static final int[] WEB_PORTS = {80, 443, 53};
    private static final long MINUTE = 60_000_000L;

    final Map<Integer, String> userCountry = new TreeMap<>();
    final Map<Integer, Boolean> deviceShared = new TreeMap<>();
    final Map<Integer, List<Integer>> deviceOwners = new TreeMap<>();
    final Map<Integer, List<Integer>> userDevices = new TreeMap<>();
    long links;

    long trafficRows;
    long dnsRows;
    long httpRows;
    long locationRows;

    final Map<Integer, Long> flows = new HashMap<>();
    final Map<Integer, Long> coveredFlows = new HashMap<>();
    final Map<Integer, Long> bytesByPort = new HashMap<>();
    long totalBytes;
    /** Per device: bytes on port 80, 443 and all other ports. */
    final Map<Integer, long[]> deviceBytes = new HashMap<>();
    /** Per device: first and last traffic ts. */
    final Map<Integer, long[]> deviceSpan = new HashMap<>();
    long binMisses;
    long serviceMisses;

    long userReqMismatches;
    long duplicateMismatches;
    long duplicates;
    long userUrlMismatches;
    long overlapMismatches;
    long overlapping;
    boolean coUkHosts;

    /** [country fr=0 uk=1][summer time=1][local hour]: traffic rows, and DNS + HTTP requests. */
    final long[][][] trafficHours = new long[2][2][24];
    final long[][][] appHours = new long[2][2][24];
    /** Per device: the registrable domains it looked up or requested. */
    final Map<Integer, Set<String>> deviceDomains = new HashMap<>();

    private final Map<String, Long> firstAnswer = new HashMap<>();
    private final Map<String, LongList> httpTimes = new HashMap<>();

    static StudyFacts read(Path dir) {
        StudyFacts facts = new StudyFacts();
        facts.readCast(dir);
        List<Object[]> dns = facts.readDns(dir);
        facts.readHttp(dir);
        facts.checkDuplicates(dns);
        facts.readTraffic(dir);
        facts.readLocations(dir);
        return facts;
    }

    private void readCast(Path dir) {
        PgCsv.forEachRow(PgCsv.file(dir, "users"), row -> userCountry.put(Integer.parseInt(row[0]), row[4]));
        PgCsv.forEachRow(PgCsv.file(dir, "devices"),
            row -> deviceShared.put(Integer.parseInt(row[0]), row[6].equals("t")));
        links = PgCsv.forEachRow(PgCsv.file(dir, "user_devices"), row -> {
            int user = Integer.parseInt(row[0]);
            int device = Integer.parseInt(row[1]);
            deviceOwners.computeIfAbsent(device, d -> new ArrayList<>()).add(user);
            userDevices.computeIfAbsent(user, u -> new ArrayList<>()).add(device);
        });
    }

    /** Returns (devid, query, ts, duplicate) per row for the duplicate check. */
    private List<Object[]> readDns(Path dir) {
        List<Object[]> rows = new ArrayList<>();
        dnsRows = PgCsv.forEachRow(PgCsv.file(dir, "dnsreqs"), row -> {
            int device = Integer.parseInt(row[1]);
            long ts = PgCsv.micros(row[2]);
            for (String address : PgCsv.array(row[14])) {
                firstAnswer.merge(device + "|" + address, ts, Math::min);
            }
            boolean matched = row[17].equals("t") || row[18].equals("t") || row[19].equals("t");
            if (row[20].equals("t") == matched) {
                userReqMismatches++;
            }
            coUkHosts |= row[9].endsWith(".co.uk");
            deviceDomains.computeIfAbsent(device, d -> new HashSet<>()).add(row[12]);
            countApp(device, ts);
            rows.add(new Object[] {device, row[9], ts, row[21].equals("t")});
        });
        return rows;
    }

    private void readHttp(Path dir) {
        httpRows = PgCsv.forEachRow(PgCsv.file(dir, "httpreqs"), row -> {
            int device = Integer.parseInt(row[1]);
            long ts = PgCsv.micros(row[3]);
            httpTimes.computeIfAbsent(device + "|" + row[9], k -> new LongList()).add(ts);
            boolean matched = row[25].equals("t") || row[26].equals("t") || row[27].equals("t")
                || row[28].equals("t");
            if (row[29].equals("t") == matched) {
                userUrlMismatches++;
            }
            deviceDomains.computeIfAbsent(device, d -> new HashSet<>()).add(row[10]);
            countApp(device, ts);
        });
    }

    /** duplicate must be true exactly when an HTTP request of the device to the host follows within 60 s. */
    private void checkDuplicates(List<Object[]> dns) {
        Map<String, long[]> sorted = new HashMap<>();
        httpTimes.forEach((key, times) -> sorted.put(key, times.sorted()));
        for (Object[] row : dns) {
            long ts = (Long) row[2];
            long[] times = sorted.getOrDefault(row[0] + "|" + row[1], new long[0]);
            int at = Arrays.binarySearch(times, ts);
            int first = at >= 0 ? at : -at - 1;
            boolean expected = first < times.length && times[first] <= ts + MINUTE;
            if (expected != (Boolean) row[3]) {
                duplicateMismatches++;
            }
            duplicates += expected ? 1 : 0;
        }
    }

    private void readTraffic(Path dir) {
        Map<Integer, LongList> all = new HashMap<>();
        Map<Integer, LongList> uncovered = new HashMap<>();
        for (int port : WEB_PORTS) {
            all.put(port, new LongList());
            uncovered.put(port, new LongList());
        }
        trafficRows = PgCsv.forEachRow(PgCsv.file(dir, "deviceapptraffic"), row -> {
            int device = Integer.parseInt(row[1]);
            long ts = PgCsv.micros(row[2]);
            int port = Integer.parseInt(row[7]);
            long flow = Long.parseLong(row[8]);
            long bytes = Long.parseLong(row[10]) + Long.parseLong(row[12]);
            binMisses += ts % 10_000_000L == 0 ? 0 : 1;
            serviceMisses += expectedService(port, row[13]) ? 0 : 1;
            totalBytes += bytes;
            bytesByPort.merge(port, bytes, Long::sum);
            deviceBytes.computeIfAbsent(device, d -> new long[3])[port == 80 ? 0 : port == 443 ? 1 : 2] += bytes;
            long[] span = deviceSpan.computeIfAbsent(device, d -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            span[0] = Math.min(span[0], ts);
            span[1] = Math.max(span[1], ts);
            int[] local = localHour(device, ts);
            trafficHours[local[0]][local[1]][local[2]]++;
            if (all.containsKey(port)) {
                all.get(port).add(flow);
                Long answered = firstAnswer.get(device + "|" + row[4]);
                if (answered == null || answered > ts) {
                    uncovered.get(port).add(flow);
                }
            }
        });
        for (int port : WEB_PORTS) {
            long distinct = all.get(port).distinct();
            flows.put(port, distinct);
            coveredFlows.put(port, distinct - uncovered.get(port).distinct());
        }
    }

    private static boolean expectedService(int port, String service) {
        return switch (port) {
            case 80 -> "http".equals(service);
            case 443 -> "https".equals(service);
            case 53 -> "domain".equals(service);
            default -> true;
        };
    }

    private void readLocations(Path dir) {
        Map<Integer, List<long[]>> stays = new HashMap<>();
        locationRows = PgCsv.forEachRow(PgCsv.file(dir, "locations"), row -> stays
            .computeIfAbsent(Integer.parseInt(row[1]), d -> new ArrayList<>())
            .add(new long[] {PgCsv.micros(row[3]), PgCsv.micros(row[4]), row[17].equals("t") ? 1 : 0}));
        for (List<long[]> device : stays.values()) {
            for (long[] stay : device) {
                boolean expected = false;
                for (long[] other : device) {
                    expected |= other != stay && stay[0] < other[1] && other[0] < stay[1];
                }
                overlapping += expected ? 1 : 0;
                overlapMismatches += expected == (stay[2] == 1) ? 0 : 1;
            }
        }
    }

    private void countApp(int device, long ts) {
        int[] local = localHour(device, ts);
        appHours[local[0]][local[1]][local[2]]++;
    }

    /** {country index, 1 if summer time, local hour} of a device's event, in its first owner's zone. */
    private int[] localHour(int device, long ts) {
        boolean fr = "fr".equals(userCountry.get(deviceOwners.get(device).get(0)));
        ZoneRules rules = ZoneId.of(fr ? "Europe/Paris" : "Europe/London").getRules();
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000L));
        long local = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
        return new int[] {fr ? 0 : 1, rules.isDaylightSavings(instant) ? 1 : 0,
            (int) Math.floorMod(local, 86_400L) / 3600};
    }

    /** Bytes of a user's personal (not shared) devices. */
    long personalBytes(int user) {
        long bytes = 0;
        for (int device : userDevices.getOrDefault(user, List.of())) {
            if (!deviceShared.get(device)) {
                bytes += Arrays.stream(deviceBytes.getOrDefault(device, new long[3])).sum();
            }
        }
        return bytes;
    }

    /** First to last traffic ts over a user's devices, in days; -1 without traffic. */
    double spanDays(int user) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int device : userDevices.getOrDefault(user, List.of())) {
            long[] span = deviceSpan.get(device);
            if (span != null) {
                first = Math.min(first, span[0]);
                last = Math.max(last, span[1]);
            }
        }
        return first == Long.MAX_VALUE ? -1 : (last - first) / 86_400e6;
    }
}
