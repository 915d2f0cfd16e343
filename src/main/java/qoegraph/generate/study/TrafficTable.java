package qoegraph.generate.study;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * deviceapptraffic: one row per flow and 10-second bin in which it carried bytes, stamped with the bin's end.
 * A flow's bytes are spread over its bins at random, adding up exactly.
 */
final class TrafficTable {

    static final String NAME = "deviceapptraffic";
    static final String HEADER = "id,devid,ts,srcip,dstip,proto,srcport,dstport,flowid,packets_in,bytes_in,"
        + "packets_out,bytes_out,service";
    private static final int MIN_BYTES_PER_BIN = 64;

    private final PgCsvWriter out;
    private long nextId = 1;

    TrafficTable(PgCsvWriter out) {
        this.out = out;
    }

    void write(DeviceLog log, long seed) throws IOException {
        FlowSet flows = log.flows();
        SplittableRandom rng = Seeds.rng(seed, Seeds.TRAFFIC_ROWS, log.device().id());
        for (int i = 0; i < flows.size; i++) {
            long firstBin = Math.floorDiv(flows.start[i], Times.BIN);
            long bins = Math.floorDiv(flows.end[i], Times.BIN) - firstBin + 1;
            long total = flows.bytesIn[i] + flows.bytesOut[i];
            bins = Math.max(1, Math.min(bins, total / MIN_BYTES_PER_BIN));
            writeFlow(log, i, firstBin, (int) bins, rng);
        }
    }

    private void writeFlow(DeviceLog log, int i, long firstBin, int bins, SplittableRandom rng) throws IOException {
        FlowSet flows = log.flows();
        double[] cumulative = new double[bins];
        double sum = 0;
        for (int b = 0; b < bins; b++) {
            sum += 0.2 + rng.nextDouble();
            cumulative[b] = sum;
        }
        String service = Service.ianaName(flows.port[i]);
        boolean upload = flows.bytesOut[i] > flows.bytesIn[i];
        long inGiven = 0;
        long outGiven = 0;
        for (int b = 0; b < bins; b++) {
            double share = b == bins - 1 ? 1.0 : cumulative[b] / sum;
            long inUpTo = Math.round(flows.bytesIn[i] * share);
            long outUpTo = Math.round(flows.bytesOut[i] * share);
            long bytesIn = inUpTo - inGiven;
            long bytesOut = outUpTo - outGiven;
            inGiven = inUpTo;
            outGiven = outUpTo;
            out.num(nextId++).num(log.device().id()).timestamp((firstBin + 1 + b) * Times.BIN)
                .ipv4(flows.srcAddress[i]).ipv4(flows.dstip[i]).num(flows.proto[i]).num(flows.srcPort[i])
                .num(flows.port[i]).num(flows.flowId[i])
                .num(packets(bytesIn, upload ? 90 : 1200)).num(bytesIn)
                .num(packets(bytesOut, upload ? 1200 : 90)).num(bytesOut)
                .text(service);
            out.endRow();
        }
    }

    private static long packets(long bytes, int perPacket) {
        return (bytes + perPacket - 1) / perPacket;
    }
}
