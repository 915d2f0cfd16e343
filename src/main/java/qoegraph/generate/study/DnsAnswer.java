package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer section of one DNS response as four parallel arrays, one entry per record: its type (1 A,
 * 5 CNAME, 28 AAAA), its data (an address, or the alias target of a CNAME), its owner name and its TTL.
 */
record DnsAnswer(int[] types, String[] addresses, String[] names, int[] ttls) {

    private static final int CNAME = 5;

    static DnsAnswer of(DnsLookups dns, int j, HostCatalog catalog, int ttlDrop) {
        Host host = catalog.host(dns.host[j]);
        List<Integer> types = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> ttls = new ArrayList<>();
        boolean answered = dns.answers[j] > 0;
        String owner = host.name();
        if (host.cname() != null && (answered || dns.type[j] == DnsLookups.AAAA)) {
            types.add(CNAME);
            data.add(host.cname());
            names.add(owner);
            int aliasTtl = Math.max(300, host.ttl());
            ttls.add(aliasTtl - ttlDrop % aliasTtl);
            owner = host.cname();
        }
        if (dns.type[j] == DnsLookups.A) {
            for (int ip : dns.addresses(j, catalog)) {
                types.add((int) DnsLookups.A);
                data.add(IpSpace.format(ip));
                names.add(owner);
                ttls.add(host.ttl() - ttlDrop % host.ttl());
            }
        } else {
            for (int i = 0; i < dns.answers[j]; i++) {
                types.add((int) DnsLookups.AAAA);
                data.add(host.ipv6()[i]);
                names.add(owner);
                ttls.add(host.ttl() - ttlDrop % host.ttl());
            }
        }
        return new DnsAnswer(types.stream().mapToInt(Integer::intValue).toArray(), data.toArray(new String[0]),
            names.toArray(new String[0]), ttls.stream().mapToInt(Integer::intValue).toArray());
    }
}
