package qoegraph.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import qoegraph.query.Query;
import qoegraph.query.SelectedMetric;
import qoegraph.query.Top;
import qoegraph.query.Window;
import qoegraph.query.WindowFunction;
import qoegraph.report.Report;
import qoegraph.report.Reports;

/**
 * "The share of a device's bytes at its top 3 locations" has one definition, the study notebook's, and the two
 * ways to ask it agree on the generated study: the deviceLocations report and the cookbook's traffic query (top 3 by
 * bytes per device and located, Other, SHARE per device), and both agree with the definition computed here in
 * plain Java over the CSV rows: every byte of the device is in the denominator, a place is a stay's name (an unnamed
 * stay the place "(unnamed)"), the top 3 places by bytes (ties by name), then the other places together, then the
 * bytes at no known place.
 */
@ExtendWith(GeneratedData.Resolver.class)
class DeviceLocationsAgreementTest {
    private static GeneratedData data;

    @BeforeAll
    static void load(GeneratedData generated) {
        data = generated;
    }

    /** A device's parts: the top places' shares by name, then "Other" (other places) and null (no place). */
    private record Parts(Map<String, Double> top, double other, double none) {
    }

    @Test
    void theReportTheDatasetQueryAndTheNotebooksDefinitionAgree() throws Exception {
        Map<Integer, Parts> expected = notebook();
        Map<Integer, Parts> report = report();
        Map<Integer, Parts> dataset = datasetQuery();
        assertTrue(expected.size() >= 30, "personal devices with bytes: " + expected.size());
        assertTrue(expected.values().stream().anyMatch(p -> p.top().containsKey("(unnamed)")),
                "an unnamed stay among some device's top places");
        assertEquals(expected.keySet(), report.keySet(), "devices of the report");
        assertEquals(expected.keySet(), dataset.keySet(), "devices of the dataset query");
        for (Integer device : expected.keySet()) {
            assertParts("report, device " + device, expected.get(device), report.get(device));
            assertParts("dataset query, device " + device, expected.get(device), dataset.get(device));
        }
    }

    private static void assertParts(String what, Parts expected, Parts actual) {
        assertEquals(expected.top().keySet(), actual.top().keySet(), what + ": top places");
        expected.top().forEach((place, share) -> assertEquals(share, actual.top().get(place), 1e-12,
                what + ": " + place));
        assertEquals(expected.other(), actual.other(), 1e-12, what + ": other places");
        assertEquals(expected.none(), actual.none(), 1e-12, what + ": no place");
    }

    /** The definition, over the rows this package parsed from the CSV files. */
    private static Map<Integer, Parts> notebook() {
        Table t = data.traffic();
        Object[] device = t.column("deviceId").values();
        Object[] shared = t.column("shared").values();
        Object[] place = t.column("location").values();
        Object[] bytes = t.column("binBytes").values();
        Map<Integer, Map<String, Long>> byPlace = new TreeMap<>();
        Map<Integer, Long> all = new HashMap<>();
        Map<Integer, Long> nowhere = new HashMap<>();
        for (int r = 0; r < t.size; r++) {
            if (!Boolean.FALSE.equals(shared[r]) || data.study().owner((Integer) device[r]) == null) {
                continue;
            }
            int d = (Integer) device[r];
            long b = (Long) bytes[r];
            all.merge(d, b, Long::sum);
            if (place[r] == null) {
                nowhere.merge(d, b, Long::sum);
            } else {
                byPlace.computeIfAbsent(d, k -> new HashMap<>()).merge((String) place[r], b, Long::sum);
            }
        }
        Map<Integer, Parts> out = new TreeMap<>();
        all.forEach((d, total) -> {
            if (total == 0) {
                return;
            }
            List<Map.Entry<String, Long>> places = new ArrayList<>(byPlace.getOrDefault(d, Map.of()).entrySet());
            places.removeIf(e -> e.getValue() == 0);
            places.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            Map<String, Double> top = new LinkedHashMap<>();
            long rest = 0;
            for (int i = 0; i < places.size(); i++) {
                if (i < 3) {
                    top.put(places.get(i).getKey(), places.get(i).getValue() / (double) total);
                } else {
                    rest += places.get(i).getValue();
                }
            }
            out.put(d, new Parts(top, rest / (double) total, nowhere.getOrDefault(d, 0L) / (double) total));
        });
        return out;
    }

    private static Map<Integer, Parts> report() throws Exception {
        Report report = Reports.load(Path.of("queries/reports")).all().stream()
                .filter(r -> r.name().equals("deviceLocations")).findFirst().orElseThrow();
        Map<Integer, Parts> out = new TreeMap<>();
        Map<Integer, Map<String, Double>> tops = new HashMap<>();
        Map<Integer, double[]> rest = new HashMap<>();
        for (Map<String, Object> row : data.engine.run(report.bind(Map.of("n", 3), 100_000)).rows()) {
            Integer d = (Integer) row.get("deviceId");
            Double share = (Double) row.get("bytesShare");
            if (share == null) {
                continue; // a device without bytes
            }
            double[] r = rest.computeIfAbsent(d, k -> new double[2]);
            switch ((String) row.get("part")) {
                case "top" -> {
                    Map<String, Double> top = tops.computeIfAbsent(d, k -> new LinkedHashMap<>());
                    if (row.get("bytesLocation") != null) {
                        top.put((String) row.get("bytesLocation"), share);
                    }
                }
                case "other" -> r[0] = share;
                default -> r[1] = share;
            }
        }
        rest.forEach((d, r) -> out.put(d, new Parts(tops.getOrDefault(d, Map.of()), r[0], r[1])));
        return out;
    }

    /** The cookbook's query: top 3 by bytes per device and located, Other, each row's SHARE of its device's bytes. */
    private static Map<Integer, Parts> datasetQuery() throws Exception {
        Query query = Query.newQuery("traffic").where(qoegraph.query.Filter.eq("shared", false))
                .dimensions("deviceId", "located", "location").metrics("bytes")
                .metric(SelectedMetric.metric("bytes").as("share").window(Window.of(WindowFunction.SHARE, "deviceId")))
                .top(new Top(3, "bytes", List.of("deviceId", "located"), true)).limit(100_000).build();
        Map<Integer, Map<String, Double>> tops = new HashMap<>();
        Map<Integer, double[]> rest = new HashMap<>();
        for (Map<String, Object> row : data.run(query).rows()) {
            Integer d = (Integer) row.get("deviceId");
            Double share = (Double) row.get("share");
            if (d == null || share == null || data.study().owner(d) == null) {
                continue;
            }
            double[] r = rest.computeIfAbsent(d, k -> new double[2]);
            tops.computeIfAbsent(d, k -> new LinkedHashMap<>());
            if (Boolean.FALSE.equals(row.get("located"))) {
                r[1] = share;
            } else if ("Other".equals(row.get("location"))) {
                r[0] = share;
            } else if ((Long) row.get("bytes") > 0) {
                tops.get(d).put((String) row.get("location"), share);
            }
        }
        Map<Integer, Parts> out = new TreeMap<>();
        rest.forEach((d, r) -> out.put(d, new Parts(tops.get(d), r[0], r[1])));
        return out;
    }

}
