package qoegraph.generate.study;

/**
 * A destination name. {@code ips} are the addresses DNS answers give for it; {@code altIps} are addresses of
 * the same service that no DNS answer ever gives (reached through caches or hard-coded addresses), so that a
 * flow to one of them never follows a DNS answer. {@code affinity} is null for hosts used in both countries.
 */
record Host(int id, String name, String domain, String suffix, HostCategory category, double httpsShare,
            Country affinity, String cname, int ttl, int[] ips, int[] altIps, String[] ipv6) {

    boolean ipv6Capable() {
        return ipv6.length > 0;
    }
}
