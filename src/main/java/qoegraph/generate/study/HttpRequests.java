package qoegraph.generate.study;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One device's HTTP requests in time order, each inside one of its port-80 flows: the first a few hundred
 * milliseconds after the connection opens, the others spread over the connection's life.
 */
final class HttpRequests {

    final int count;
    final int[] flow;
    final long[] ts;

    private HttpRequests(int[] flow, long[] ts) {
        this.count = flow.length;
        this.flow = flow;
        this.ts = ts;
    }

    static HttpRequests draw(int count, FlowSet flows, long origin, SplittableRandom rng) {
        int[] httpFlows = new int[flows.size];
        int httpCount = 0;
        for (int i = 0; i < flows.size; i++) {
            if (flows.group[i] == FlowSet.HTTP) {
                httpFlows[httpCount++] = i;
            }
        }
        if (count > 0 && httpCount == 0) {
            throw new IllegalStateException("HTTP requests planned on a device without port-80 flows");
        }
        int[] perFlow = new int[httpCount];
        for (int r = 0; r < count; r++) {
            perFlow[rng.nextInt(httpCount)]++;
        }
        int[] flow = new int[count];
        long[] ts = new long[count];
        int r = 0;
        for (int k = 0; k < httpCount; k++) {
            int i = httpFlows[k];
            long first = Math.min(flows.start[i] + 20_000 + rng.nextLong(280_000), flows.end[i]);
            for (int q = 0; q < perFlow[k]; q++) {
                flow[r] = i;
                ts[r] = q == 0 ? first : first + (long) (rng.nextDouble() * (flows.end[i] - first));
                r++;
            }
        }
        int[] order = SortKeys.order(ts, count, origin);
        int[] sortedFlow = new int[count];
        long[] sortedTs = new long[count];
        for (int k = 0; k < count; k++) {
            sortedFlow[k] = flow[order[k]];
            sortedTs[k] = ts[order[k]];
        }
        return new HttpRequests(sortedFlow, sortedTs);
    }

    /**
     * Marks each DNS request that an HTTP request from the device to the same host name follows within 60
     * seconds (0 <= http.ts - dns.ts <= 60 s). Requests to a bare address never match a name.
     */
    boolean[] duplicates(DnsLookups dns, FlowSet flows, long origin) {
        long[] keys = new long[count];
        int used = 0;
        for (int r = 0; r < count; r++) {
            int f = flow[r];
            if (!flows.literal[f]) {
                keys[used++] = key(flows.host[f], ts[r] - origin);
            }
        }
        keys = Arrays.copyOf(keys, used);
        Arrays.sort(keys);
        boolean[] duplicate = new boolean[dns.count];
        for (int j = 0; j < dns.count; j++) {
            long low = key(dns.host[j], dns.ts[j] - origin);
            long high = key(dns.host[j], dns.ts[j] + 60 * Times.SECOND - origin);
            int at = Arrays.binarySearch(keys, low);
            int first = at >= 0 ? at : -at - 1;
            duplicate[j] = first < keys.length && keys[first] <= high;
        }
        return duplicate;
    }

    private static long key(int host, long offset) {
        if (offset < 0 || offset >= 1L << 44) {
            throw new IllegalStateException("event outside its device's period: " + offset);
        }
        return ((long) host << 44) | offset;
    }
}
