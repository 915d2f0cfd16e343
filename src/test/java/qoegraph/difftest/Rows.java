package qoegraph.difftest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qoegraph.difftest.Table.Kind;

/**
 * Reads the generated CSV files into {@link Table}s with this package's own parser, and works out the
 * columns the ingest derives (a device's owner, the location stay holding a traffic row's time) and the
 * joined ones (device and owner attributes) from the reference files, following docs/architecture.md and the model's
 * descriptions rather than the ingest's SQL.
 */
final class Rows {
    private Rows() {
    }

    /** The sessions CSV: {@code #stream,isp,browser,connected,p2p,cdn}; an empty or missing cdn is null. */
    static Table sessions(Path csv) {
        List<String[]> lines = new ArrayList<>();
        Csv.read(csv, lines::add);
        int n = lines.size();
        Object[] stream = new Object[n];
        Object[] isp = new Object[n];
        Object[] browser = new Object[n];
        Object[] connected = new Object[n];
        Object[] p2p = new Object[n];
        Object[] cdn = new Object[n];
        Object[] total = new Object[n];
        Map<String, String> strings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i);
            stream[i] = Integer.valueOf(f[0]);
            isp[i] = intern(strings, f[1]);
            browser[i] = intern(strings, f[2]);
            connected[i] = bool(f[3]);
            p2p[i] = f.length > 4 && f[4] != null ? Double.valueOf(f[4]) : null;
            cdn[i] = f.length > 5 && f[5] != null ? Double.valueOf(f[5]) : null;
            // the file's 6 decimals are exact: p2p + cdn is their exact sum, then rounded once to a double; a missing
            // value counts 0 (the model's rule for byte totals: the cut-off last row's total is its p2p)
            total[i] = p2p[i] == null && cdn[i] == null ? 0.0 : exact(f, 4).add(exact(f, 5)).doubleValue();
        }
        return new Table("sessions", n)
                .add("stream", Kind.INT, stream).add("isp", Kind.STRING, isp).add("browser", Kind.STRING, browser)
                .add("connected", Kind.BOOLEAN, connected).add("p2p", Kind.FLOAT, p2p).add("cdn", Kind.FLOAT, cdn)
                .add("total", Kind.FLOAT, total);
    }

    private static java.math.BigDecimal exact(String[] f, int i) {
        return f.length > i && f[i] != null ? new java.math.BigDecimal(f[i]) : java.math.BigDecimal.ZERO;
    }

    /** A study participant or device, as the reference files say. */
    record User(int id, String country) {
    }

    record Device(int id, String name, String devtype, String os, Boolean shared) {
    }

    record Stay(long id, int devid, LocalDateTime enter, LocalDateTime exit, String name) {
    }

    /** The reference tables of a study directory. */
    static final class Study {
        final Map<Integer, User> users = new HashMap<>();
        final Map<Integer, Device> devices = new HashMap<>();
        final Map<Integer, Set<Integer>> owners = new HashMap<>();
        final Map<Integer, List<Stay>> stays = new HashMap<>();
        final Path dir;

        Study(Path dir) {
            this.dir = dir;
            Csv.read(dir.resolve("users.csv"),
                    f -> users.put(Integer.valueOf(f[0]), new User(Integer.parseInt(f[0]), f[4])));
            Csv.read(dir.resolve("devices.csv"), f -> devices.put(Integer.valueOf(f[0]),
                    new Device(Integer.parseInt(f[0]), f[1], f[4], f[5], bool(f[6]))));
            Csv.read(dir.resolve("user_devices.csv"), f -> owners
                    .computeIfAbsent(Integer.valueOf(f[1]), k -> new HashSet<>()).add(Integer.valueOf(f[0])));
            Csv.read(dir.resolve("locations.csv"), f -> {
                if (f[1] != null && f[3] != null && f[4] != null) {
                    Stay stay = new Stay(Long.parseLong(f[0]), Integer.parseInt(f[1]), time(f[3]), time(f[4]), f[5]);
                    stays.computeIfAbsent(stay.devid(), k -> new ArrayList<>()).add(stay);
                }
            });
        }

        /** A device's owner: the one user linked to a device that is not shared; null otherwise. */
        Integer owner(int devid) {
            Device device = devices.get(devid);
            Set<Integer> users = owners.getOrDefault(devid, Set.of());
            boolean shared = device != null && Boolean.TRUE.equals(device.shared());
            return users.size() == 1 && !shared ? users.iterator().next() : null;
        }

        /** The device's stay whose [enter, exit] holds ts; among overlapping ones the latest entry, then id. */
        Stay stay(int devid, LocalDateTime ts) {
            Stay best = null;
            for (Stay s : stays.getOrDefault(devid, List.of())) {
                if (s.enter().isAfter(ts) || s.exit().isBefore(ts)) {
                    continue;
                }
                if (best == null || s.enter().isAfter(best.enter())
                        || s.enter().equals(best.enter()) && s.id() > best.id()) {
                    best = s;
                }
            }
            return best;
        }
    }

    /** deviceapptraffic with the dimensions of traffic.yml, derived and joined ones worked out here. */
    static Table traffic(Study study) {
        List<String[]> lines = new ArrayList<>();
        Csv.read(study.dir.resolve("deviceapptraffic.csv"), lines::add);
        lines.sort(Comparator.comparingLong(f -> Long.parseLong(f[0])));
        int n = lines.size();
        String[] names = {"id", "devId", "ts", "srcIp", "dstIp", "proto", "srcPort", "dstPort", "flowId", "packetsIn",
            "bytesIn", "packetsOut", "bytesOut", "binBytes", "service", "userId", "locationId", "location", "deviceId",
            "deviceName", "devtype", "os", "shared", "country", "located"};
        Kind[] kinds = {Kind.LONG, Kind.INT, Kind.TIME, Kind.STRING, Kind.STRING, Kind.INT, Kind.INT, Kind.INT,
            Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.STRING, Kind.INT, Kind.LONG,
            Kind.STRING, Kind.INT, Kind.STRING, Kind.STRING, Kind.STRING, Kind.BOOLEAN, Kind.STRING, Kind.BOOLEAN};
        Object[][] v = new Object[names.length][n];
        Map<String, String> strings = new HashMap<>();
        Map<Integer, Integer> owners = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i);
            int devid = Integer.parseInt(f[1]);
            LocalDateTime ts = time(f[2]);
            v[0][i] = Long.valueOf(f[0]);
            v[1][i] = devid;
            v[2][i] = ts;
            v[3][i] = intern(strings, f[3]);
            v[4][i] = intern(strings, f[4]);
            v[5][i] = integer(f[5]);
            v[6][i] = integer(f[6]);
            v[7][i] = integer(f[7]);
            v[8][i] = longOrNull(f[8]);
            v[9][i] = longOrNull(f[9]);
            v[10][i] = longOrNull(f[10]);
            v[11][i] = longOrNull(f[11]);
            v[12][i] = longOrNull(f[12]);
            v[13][i] = v[10][i] == null || v[12][i] == null ? null : (Long) v[10][i] + (Long) v[12][i];
            v[14][i] = intern(strings, f[13]);
            Integer owner = owners.computeIfAbsent(devid, study::owner);
            v[15][i] = owner;
            Stay stay = study.stay(devid, ts);
            v[16][i] = stay == null ? null : stay.id();
            // a place: the stay's name, "(unnamed)" for a stay without one; none when no stay holds the time
            v[17][i] = stay == null ? null : intern(strings, stay.name() == null ? "(unnamed)" : stay.name());
            v[18][i] = devid;
            Device device = study.devices.get(devid);
            v[19][i] = device == null ? null : device.name();
            v[20][i] = device == null ? null : device.devtype();
            v[21][i] = device == null ? null : device.os();
            v[22][i] = device == null ? null : device.shared();
            User user = owner == null ? null : study.users.get(owner);
            v[23][i] = user == null ? null : user.country();
            v[24][i] = stay != null;
        }
        Table table = new Table("traffic", n);
        for (int c = 0; c < names.length; c++) {
            table.add(names[c], kinds[c], v[c]);
        }
        table.participantDimension = "country";
        return table;
    }

    /**
     * The reference tables as the members of the study datasets' dimensions, named as those dimensions: users
     * (userId, country) first, then devices (deviceId and devId, deviceName, devtype, os, shared, and the owner's
     * userId and country), as api.md lists the dimensions each row has of its device and user.
     */
    static List<Oracle.MemberSource> members(Study study) {
        List<Integer> userIds = new ArrayList<>(study.users.keySet());
        userIds.sort(null);
        Object[] id = new Object[userIds.size()];
        Object[] country = new Object[userIds.size()];
        for (int i = 0; i < id.length; i++) {
            id[i] = userIds.get(i);
            country[i] = study.users.get(userIds.get(i)).country();
        }
        Table users = new Table("users", id.length).add("userId", Kind.INT, id).add("country", Kind.STRING, country);
        List<Integer> deviceIds = new ArrayList<>(study.devices.keySet());
        deviceIds.sort(null);
        int n = deviceIds.size();
        Object[][] v = new Object[8][n];
        for (int i = 0; i < n; i++) {
            Device d = study.devices.get(deviceIds.get(i));
            Integer owner = study.owner(d.id());
            User user = owner == null ? null : study.users.get(owner);
            Object[] row = {d.id(), d.id(), d.name(), d.devtype(), d.os(), d.shared(), owner,
                user == null ? null : user.country()};
            for (int c = 0; c < row.length; c++) {
                v[c][i] = row[c];
            }
        }
        Table devices = new Table("devices", n).add("deviceId", Kind.INT, v[0]).add("devId", Kind.INT, v[1])
                .add("deviceName", Kind.STRING, v[2]).add("devtype", Kind.STRING, v[3]).add("os", Kind.STRING, v[4])
                .add("shared", Kind.BOOLEAN, v[5]).add("userId", Kind.INT, v[6]).add("country", Kind.STRING, v[7]);
        return List.of(new Oracle.MemberSource("users", users), new Oracle.MemberSource("devices", devices));
    }

    /** dnsreqs with the dimensions of dnsRequests.yml; arrays in PostgreSQL's text form become lists. */
    static Table dns(Study study) {
        List<String[]> lines = new ArrayList<>();
        Csv.read(study.dir.resolve("dnsreqs.csv"), lines::add);
        int n = lines.size();
        String[] names = {"id", "devId", "ts", "srcIp", "dstIp", "proto", "srcPort", "dstPort", "flowId", "query",
            "queryType", "queryTld", "queryDomain", "ansType", "ansAddr", "ansName", "ansTtl", "matchesEasylist",
            "matchesEasyprivacy", "matchesBlacklist", "userReq", "duplicate", "userId", "deviceId", "deviceName",
            "devtype", "os", "shared", "country"};
        Kind[] kinds = {Kind.LONG, Kind.INT, Kind.TIME, Kind.STRING, Kind.STRING, Kind.INT, Kind.INT, Kind.INT,
            Kind.LONG, Kind.STRING, Kind.STRING, Kind.STRING, Kind.STRING, Kind.INT_LIST, Kind.STRING_LIST,
            Kind.STRING_LIST, Kind.INT_LIST, Kind.BOOLEAN, Kind.BOOLEAN, Kind.BOOLEAN, Kind.BOOLEAN, Kind.BOOLEAN,
            Kind.INT, Kind.INT, Kind.STRING, Kind.STRING, Kind.STRING, Kind.BOOLEAN, Kind.STRING};
        Object[][] v = new Object[names.length][n];
        Map<String, String> strings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i);
            int devid = Integer.parseInt(f[1]);
            v[0][i] = Long.valueOf(f[0]);
            v[1][i] = devid;
            v[2][i] = time(f[2]);
            v[3][i] = intern(strings, f[3]);
            v[4][i] = intern(strings, f[4]);
            v[5][i] = integer(f[5]);
            v[6][i] = integer(f[6]);
            v[7][i] = integer(f[7]);
            v[8][i] = longOrNull(f[8]);
            for (int c = 9; c <= 12; c++) {
                v[c][i] = intern(strings, f[c]);
            }
            v[13][i] = integers(PgArrays.parse(f[13]));
            v[14][i] = PgArrays.parse(f[14]);
            v[15][i] = PgArrays.parse(f[15]);
            v[16][i] = integers(PgArrays.parse(f[16]));
            for (int c = 17; c <= 21; c++) {
                v[c][i] = bool(f[c]);
            }
            Integer owner = study.owner(devid);
            v[22][i] = owner;
            v[23][i] = devid;
            Device device = study.devices.get(devid);
            v[24][i] = device == null ? null : device.name();
            v[25][i] = device == null ? null : device.devtype();
            v[26][i] = device == null ? null : device.os();
            v[27][i] = device == null ? null : device.shared();
            User user = owner == null ? null : study.users.get(owner);
            v[28][i] = user == null ? null : user.country();
        }
        Table table = new Table("dnsRequests", n);
        for (int c = 0; c < names.length; c++) {
            table.add(names[c], kinds[c], v[c]);
        }
        table.participantDimension = "country";
        return table;
    }

    private static List<Integer> integers(List<String> texts) {
        if (texts == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        texts.forEach(t -> out.add(t == null ? null : Integer.valueOf(t)));
        return out;
    }

    static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    /** true/false as written by the generators, and the True/False/1/0 and t/f variants. */
    static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "t": case "1":
                return Boolean.TRUE;
            case "false": case "f": case "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("not a boolean: " + text);
        }
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static Long longOrNull(String text) {
        return text == null ? null : Long.valueOf(text);
    }

    private static String intern(Map<String, String> strings, String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }
}
