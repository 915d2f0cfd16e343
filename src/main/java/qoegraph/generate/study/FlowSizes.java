package qoegraph.generate.study;

import java.util.SplittableRandom;

/** Bytes and durations of a device's flows. */
final class FlowSizes {

    private static final long[] MIN_BYTES = {120, 300, 60, 100};
    private static final double[] IDLE_SECONDS = {4, 20, 0, 60};
    private static final double MAX_SECONDS = 1800;
    private static final double LOG_MIN_THROUGHPUT = StrictMath.log(2e5);
    private static final double LOG_MAX_THROUGHPUT = StrictMath.log(3e6);

    private FlowSizes() {
    }

    /** Splits each port group's planned bytes over its flows in proportion to their weights, exactly. */
    static void assign(FlowSet flows, DevicePlan plan, SplittableRandom rng) {
        long[] budgets = {plan.bytesHttp(), plan.bytesHttps(), plan.bytesDns(), plan.bytesOther()};
        for (byte group = 0; group < 4; group++) {
            int count = 0;
            double sum = 0;
            for (int i = 0; i < flows.size; i++) {
                if (flows.group[i] == group) {
                    count++;
                    sum += flows.weight[i];
                }
            }
            if (count == 0) {
                continue;
            }
            long floor = Math.min(MIN_BYTES[group], budgets[group] / count);
            long spread = budgets[group] - floor * count;
            double acc = 0;
            long given = 0;
            int seen = 0;
            for (int i = 0; i < flows.size; i++) {
                if (flows.group[i] != group) {
                    continue;
                }
                acc += flows.weight[i];
                long upTo = ++seen == count ? spread : Math.round(spread * (acc / sum));
                long total = floor + upTo - given;
                given = upTo;
                long out = Math.round(total * outShare(group, rng));
                flows.bytesOut[i] = out;
                flows.bytesIn[i] = total - out;
            }
        }
    }

    /** A flow lasts as long as its bytes take at its throughput, plus idle time; DNS flows end at the answer. */
    static void time(FlowSet flows, DnsLookups dns, TimeSpan window, SplittableRandom rng) {
        for (int i = 0; i < flows.size; i++) {
            long end;
            if (flows.group[i] == FlowSet.DNS) {
                end = flows.dnsRow[i] >= 0 ? dns.ts[flows.dnsRow[i]] : flows.start[i] + 3_000 + rng.nextLong(57_000);
            } else {
                double throughput = StrictMath.exp(Seeds.uniform(rng, LOG_MIN_THROUGHPUT, LOG_MAX_THROUGHPUT));
                double seconds = (flows.bytesIn[i] + flows.bytesOut[i]) / throughput
                    + Seeds.exponential(rng, IDLE_SECONDS[flows.group[i]]);
                end = flows.start[i] + (long) (Math.min(seconds, MAX_SECONDS) * Times.SECOND);
            }
            flows.end[i] = Math.max(flows.start[i], Math.min(end, window.end() - 1));
        }
    }

    private static double outShare(byte group, SplittableRandom rng) {
        return switch (group) {
            case FlowSet.HTTP -> Seeds.uniform(rng, 0.03, 0.12);
            case FlowSet.HTTPS -> rng.nextDouble() < 0.05 ? Seeds.uniform(rng, 0.5, 0.9)
                : Seeds.uniform(rng, 0.03, 0.15);
            case FlowSet.DNS -> Seeds.uniform(rng, 0.28, 0.4);
            default -> Seeds.uniform(rng, 0.1, 0.6);
        };
    }
}
