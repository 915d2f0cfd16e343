package qoegraph.generate.study;

import java.util.SplittableRandom;

/**
 * One device's DNS requests in time order: which host, A or AAAA, which of the host's addresses the answer
 * gave, and which destination port the device then used the host for (80, 443, or 0 for neither).
 */
final class DnsLookups {

    static final byte A = 1;
    static final byte AAAA = 28;
    private static final double FAILED = 0.015;

    final int count;
    final long[] ts;
    final int[] host;
    final byte[] type;
    final byte[] answers;
    final byte[] rotation;
    final int[] usage;
    final int[] flow;
    boolean[] duplicate;

    private DnsLookups(int count) {
        this.count = count;
        ts = new long[count];
        host = new int[count];
        type = new byte[count];
        answers = new byte[count];
        rotation = new byte[count];
        usage = new int[count];
        flow = new int[count];
        duplicate = new boolean[count];
    }

    /** Requests inside [from, to) of the clock's window. */
    static DnsLookups draw(int count, ActivityClock clock, long from, long to, DevicePool pool, HostCatalog catalog,
                           Os os, SplittableRandom rng) {
        DnsLookups lookups = new DnsLookups(count);
        long[] moments = clock.sorted(count, from, to);
        double aaaaShare = os.apple() ? 0.3 : os == Os.ANDROID ? 0.1 : 0.15;
        for (int j = 0; j < count; j++) {
            Host host = catalog.host(pool.dnsHost(rng));
            lookups.ts[j] = moments[j];
            lookups.host[j] = host.id();
            lookups.type[j] = rng.nextDouble() < aaaaShare ? AAAA : A;
            if (lookups.type[j] == AAAA) {
                lookups.answers[j] = (byte) (host.ipv6Capable() ? 1 + rng.nextInt(host.ipv6().length) : 0);
                continue;
            }
            if (rng.nextDouble() < FAILED) {
                continue;
            }
            lookups.answers[j] = (byte) (host.ips().length > 2 && rng.nextBoolean() ? 2 : 1);
            lookups.rotation[j] = (byte) rng.nextInt(host.ips().length);
            if (host.category() != HostCategory.SERVICE) {
                lookups.usage[j] = rng.nextDouble() < host.httpsShare() ? 443 : 80;
            }
        }
        return lookups;
    }

    /** The IPv4 addresses the answer of an A request gave, in answer order. */
    int[] addresses(int j, HostCatalog catalog) {
        if (type[j] != A) {
            return new int[0];
        }
        int[] ips = catalog.host(host[j]).ips();
        int[] answered = new int[answers[j]];
        for (int i = 0; i < answered.length; i++) {
            answered[i] = ips[(rotation[j] + i) % ips.length];
        }
        return answered;
    }
}
