package qoegraph.generate.study;

import java.util.Arrays;

/**
 * One device's flows as parallel arrays: group (HTTP, HTTPS, DNS, other), start and end, destination, host
 * (-1 for DNS), bytes each way, and once ordered by start, the source address, source port and flow id.
 */
final class FlowSet {

    static final byte HTTP = 0;
    static final byte HTTPS = 1;
    static final byte DNS = 2;
    static final byte OTHER = 3;

    int size;
    long[] start;
    long[] end;
    int[] dstip;
    int[] host;
    int[] port;
    byte[] proto;
    byte[] group;
    double[] weight;
    long[] bytesIn;
    long[] bytesOut;
    int[] dnsRow;
    boolean[] literal;
    boolean[] free;
    int[] srcAddress;
    int[] srcPort;
    long[] flowId;

    FlowSet(int capacity) {
        start = new long[capacity];
        end = new long[capacity];
        dstip = new int[capacity];
        host = new int[capacity];
        port = new int[capacity];
        proto = new byte[capacity];
        group = new byte[capacity];
        weight = new double[capacity];
        bytesIn = new long[capacity];
        bytesOut = new long[capacity];
        dnsRow = new int[capacity];
        literal = new boolean[capacity];
        free = new boolean[capacity];
    }

    /** Adds a flow; returns its index. {@code free} flows may be moved in time (none depends on them). */
    int add(byte group, long start, int dstip, int host, int port, int proto, double weight, boolean free) {
        int i = size++;
        this.group[i] = group;
        this.start[i] = start;
        this.dstip[i] = dstip;
        this.host[i] = host;
        this.port[i] = port;
        this.proto[i] = (byte) proto;
        this.weight[i] = weight;
        this.free[i] = free;
        this.dnsRow[i] = -1;
        return i;
    }

    /** Sorts the flows by start; returns old index -> new index. */
    int[] sortByStart(long origin) {
        int[] order = SortKeys.order(start, size, origin);
        int[] moved = new int[size];
        for (int k = 0; k < size; k++) {
            moved[order[k]] = k;
        }
        start = permute(start, order);
        end = permute(end, order);
        bytesIn = permute(bytesIn, order);
        bytesOut = permute(bytesOut, order);
        dstip = permute(dstip, order);
        host = permute(host, order);
        port = permute(port, order);
        dnsRow = permute(dnsRow, order);
        byte[] groups = new byte[size];
        byte[] protos = new byte[size];
        boolean[] literals = new boolean[size];
        for (int k = 0; k < size; k++) {
            groups[k] = group[order[k]];
            protos[k] = proto[order[k]];
            literals[k] = literal[order[k]];
        }
        group = groups;
        proto = protos;
        literal = literals;
        weight = null;
        free = null;
        return moved;
    }

    /**
     * Source address and port taken in turn from the device's addresses and its system's ephemeral range, and
     * the flow id as a hash of the 5-tuple. When a device has more flows than distinct (address, port) pairs
     * the tuple repeats, and an epoch number keeps the ids of the repeated tuples apart.
     */
    void assignSources(Device device) {
        srcAddress = new int[size];
        srcPort = new int[size];
        flowId = new long[size];
        int range = device.os().portCount;
        int[] addresses = device.addresses();
        for (int c = 0; c < size; c++) {
            int address = addresses[(c / range) % addresses.length];
            long epoch = (long) c / ((long) range * addresses.length);
            srcAddress[c] = address;
            srcPort[c] = device.os().firstPort + (int) (((long) (c % range) * 7919 + device.id() * 131L) % range);
            flowId[c] = flowId(address, dstip[c], proto[c], srcPort[c], port[c], epoch);
        }
    }

    static long flowId(int srcip, int dstip, int proto, int srcport, int dstport, long epoch) {
        long h = Seeds.mix(((long) srcip << 32) ^ (dstip & 0xffffffffL));
        h = Seeds.mix(h ^ ((long) proto << 48 | (long) srcport << 16 | dstport));
        if (epoch > 0) {
            h = Seeds.mix(h ^ epoch);
        }
        return h & Long.MAX_VALUE;
    }

    private long[] permute(long[] values, int[] order) {
        long[] sorted = new long[values.length];
        for (int k = 0; k < size; k++) {
            sorted[k] = values[order[k]];
        }
        return Arrays.copyOf(sorted, size);
    }

    private int[] permute(int[] values, int[] order) {
        int[] sorted = new int[size];
        for (int k = 0; k < size; k++) {
            sorted[k] = values[order[k]];
        }
        return sorted;
    }
}
