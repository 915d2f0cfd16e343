package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits the published totals over the devices. Bytes: each user's budget over its devices, then each device's
 * bytes over ports 80, 443 and the rest so that the heavy users' devices carry exactly the published port
 * shares and all devices together the published bytes per port (iterative proportional fitting). Counts:
 * flows, DNS and HTTP requests, DNS-covered flows and stays, each total exact at every scale.
 */
final class DevicePlanner {

    private static final int HTTP = 0;
    private static final int HTTPS = 1;
    private static final int OTHER = 2;

    private final Cast cast;
    private final double scale;
    private final SplittableRandom rng;
    private final int n;

    private DevicePlanner(Cast cast, double scale, long seed) {
        this.cast = cast;
        this.scale = scale;
        this.rng = Seeds.rng(seed, Seeds.PLAN);
        this.n = cast.devices().size();
    }

    static List<DevicePlan> plan(Cast cast, double scale, long seed) {
        return new DevicePlanner(cast, scale, seed).plan();
    }

    private List<DevicePlan> plan() {
        double[] budgets = budgets();
        double[][] cells = portCells(budgets);
        long[] bytesHttp = LargestRemainder.apportion(scaled(StudyFigures.BYTES_HTTP), column(cells, HTTP));
        long[] bytesHttps = LargestRemainder.apportion(scaled(StudyFigures.BYTES_HTTPS), column(cells, HTTPS));
        long[] bytesRest = LargestRemainder.apportion(scaled(sum(column(cells, OTHER))), column(cells, OTHER));
        long[] flowsHttp = flows(StudyFigures.FLOWS_HTTP, column(cells, HTTP), 0.75, 0.25);
        long[] flowsHttps = flows(StudyFigures.FLOWS_HTTPS, column(cells, HTTPS), 0.75, 0.25);
        long[] flowsDns = flows(StudyFigures.FLOWS_DNS, budgets, 0.5, 0.2);
        long[] flowsOther = flows(StudyFigures.FLOWS_OTHER, column(cells, OTHER), 0.6, 0.3);
        long[] dns = LargestRemainder.apportion(scaled(StudyFigures.DNS_REQUESTS), jittered(flowsDns, 0.82, 0.91),
            flowsDns);
        long[] http = LargestRemainder.apportion(scaled(StudyFigures.HTTP_REQUESTS), jittered(flowsHttp, 0.8, 1.2));
        long[] coveredHttp = covered(flowsHttp, StudyFigures.DNS_COVERAGE_HTTP);
        long[] coveredHttps = covered(flowsHttps, StudyFigures.DNS_COVERAGE_HTTPS);
        long[] stays = LargestRemainder.apportion(scaled(StudyFigures.LOCATION_STAYS), stayWeights(budgets));
        List<DevicePlan> plans = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Device device = cast.devices().get(d);
            User owner = cast.owner(device);
            long bytesDns = flowsOther[d] == 0 ? bytesRest[d]
                : Math.min(bytesRest[d] / 2, flowsDns[d] * StudyFigures.DNS_FLOW_BYTES);
            bytesDns = flowsDns[d] == 0 ? 0 : bytesDns;
            plans.add(new DevicePlan(device, owner, !device.shared() && owner.usage() == UsageLevel.HEAVY, flowsHttp[d],
                flowsHttps[d], flowsDns[d], flowsOther[d], bytesHttp[d], bytesHttps[d], bytesDns,
                bytesRest[d] - bytesDns, dns[d], http[d], coveredHttp[d], coveredHttps[d], stays[d]));
        }
        return plans;
    }

    /** Bytes of each device at scale 1: its owner's bytes split by device weight; shared devices take the rest. */
    private double[] budgets() {
        double heavy = StudyFigures.HEAVY_BYTES;
        double restWeb = StudyFigures.BYTES_HTTP + StudyFigures.BYTES_HTTPS
            - heavy * (StudyFigures.HEAVY_SHARE_HTTP + StudyFigures.HEAVY_SHARE_HTTPS);
        double rest = restWeb / (1 - StudyFigures.OTHER_PORTS_SHARE_REST);
        double light = cast.users().stream().filter(u -> u.usage() == UsageLevel.LIGHT).mapToDouble(User::bytes).sum();
        double sharedWeight = cast.devices().stream().filter(Device::shared).mapToDouble(Device::weight).sum();
        double[] budgets = new double[n];
        for (int d = 0; d < n; d++) {
            Device device = cast.devices().get(d);
            if (device.shared()) {
                budgets[d] = (rest - light) * device.weight() / sharedWeight;
                continue;
            }
            User owner = cast.owner(device);
            double ownerWeight = cast.personalDevices(owner).stream().mapToDouble(Device::weight).sum();
            budgets[d] = owner.bytes() * device.weight() / ownerWeight;
        }
        return budgets;
    }

    /** Bytes per device and port group (80, 443, rest) at scale 1, fitted group by group. */
    private double[][] portCells(double[] budgets) {
        double[][] cells = new double[n][3];
        for (int d = 0; d < n; d++) {
            double http = Seeds.uniform(rng, 0.15, 0.45);
            double other = Seeds.uniform(rng, 0.015, 0.05);
            cells[d] = new double[] {budgets[d] * http, budgets[d] * (1 - http - other), budgets[d] * other};
        }
        double heavy = StudyFigures.HEAVY_BYTES;
        double heavyHttp = heavy * StudyFigures.HEAVY_SHARE_HTTP;
        double heavyHttps = heavy * StudyFigures.HEAVY_SHARE_HTTPS;
        double restHttp = StudyFigures.BYTES_HTTP - heavyHttp;
        double restHttps = StudyFigures.BYTES_HTTPS - heavyHttps;
        double restOther = (restHttp + restHttps) * StudyFigures.OTHER_PORTS_SHARE_REST
            / (1 - StudyFigures.OTHER_PORTS_SHARE_REST);
        fit(cells, budgets, true, new double[] {heavyHttp, heavyHttps, heavy - heavyHttp - heavyHttps});
        fit(cells, budgets, false, new double[] {restHttp, restHttps, restOther});
        return cells;
    }

    private void fit(double[][] cells, double[] budgets, boolean heavyGroup, double[] columns) {
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] sums = new double[3];
            for (int d = 0; d < n; d++) {
                if (inHeavyGroup(d) != heavyGroup || budgets[d] == 0) {
                    continue;
                }
                double row = cells[d][0] + cells[d][1] + cells[d][2];
                for (int c = 0; c < 3; c++) {
                    cells[d][c] *= budgets[d] / row;
                    sums[c] += cells[d][c];
                }
            }
            for (int d = 0; d < n; d++) {
                if (inHeavyGroup(d) == heavyGroup) {
                    for (int c = 0; c < 3; c++) {
                        cells[d][c] *= columns[c] / sums[c];
                    }
                }
            }
        }
    }

    private boolean inHeavyGroup(int d) {
        Device device = cast.devices().get(d);
        return !device.shared() && cast.owner(device).usage() == UsageLevel.HEAVY;
    }

    private long[] flows(long published, double[] bytes, double power, double sigma) {
        double[] weights = new double[n];
        for (int d = 0; d < n; d++) {
            weights[d] = bytes[d] <= 0 ? 0 : StrictMath.pow(bytes[d], power) * Seeds.logNormal(rng, sigma);
        }
        return LargestRemainder.apportion(scaled(published), weights);
    }

    private double[] jittered(long[] base, double low, double high) {
        double[] weights = new double[n];
        for (int d = 0; d < n; d++) {
            weights[d] = base[d] * Seeds.uniform(rng, low, high);
        }
        return weights;
    }

    private long[] covered(long[] flows, double share) {
        double[] weights = new double[n];
        long total = 0;
        for (int d = 0; d < n; d++) {
            weights[d] = flows[d];
            total += flows[d];
        }
        return LargestRemainder.apportion(Math.round(share * total), weights, flows);
    }

    private double[] stayWeights(double[] budgets) {
        double[] weights = new double[n];
        for (int d = 0; d < n; d++) {
            Device device = cast.devices().get(d);
            double days = (double) device.window().length() / Times.DAY;
            weights[d] = budgets[d] > 0 ? days * device.type().staysPerDay : 0;
        }
        return weights;
    }

    private long scaled(double published) {
        return Math.round(scale * published);
    }

    private static double[] column(double[][] cells, int c) {
        double[] column = new double[cells.length];
        for (int d = 0; d < cells.length; d++) {
            column[d] = cells[d][c];
        }
        return column;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
