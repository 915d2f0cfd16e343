package qoegraph.generate.study;

import java.io.IOException;

/**
 * dnsreqs: one row per DNS response seen, from the resolver (srcip, port 53) to the device (dstip), with
 * the flow id of its port-53 flow. user_req is true when no filter list matches the name; duplicate when an
 * HTTP request to the same host from the device follows within 60 seconds.
 */
final class DnsTable {

    static final String NAME = "dnsreqs";
    static final String HEADER = "id,devid,ts,srcip,dstip,proto,srcport,dstport,flowid,query,query_type,query_tld,"
        + "query_domain,ans_type,ans_addr,ans_name,ans_ttl,matches_easylist,matches_easyprivacy,matches_blacklist,"
        + "user_req,duplicate";

    private final PgCsvWriter out;
    private final HostCatalog catalog;
    private long nextId = 1;

    DnsTable(PgCsvWriter out, HostCatalog catalog) {
        this.out = out;
        this.catalog = catalog;
    }

    void write(DeviceLog log) throws IOException {
        DnsLookups dns = log.dns();
        FlowSet flows = log.flows();
        for (int j = 0; j < dns.count; j++) {
            Host host = catalog.host(dns.host[j]);
            int f = dns.flow[j];
            DnsAnswer answer = DnsAnswer.of(dns, j, catalog, (int) Math.floorMod(Seeds.mix(dns.ts[j]), 3600));
            boolean easylist = host.category().easylist();
            boolean easyprivacy = host.category().easyprivacy();
            boolean blacklist = host.category().blacklisted();
            out.num(nextId++).num(log.device().id()).timestamp(dns.ts[j])
                .ipv4(flows.dstip[f]).ipv4(flows.srcAddress[f]).num(flows.proto[f]).num(53).num(flows.srcPort[f])
                .num(flows.flowId[f])
                .text(host.name()).text(dns.type[j] == DnsLookups.A ? "A" : "AAAA").text(host.suffix())
                .text(host.domain())
                .intArray(answer.types()).textArray(answer.addresses()).textArray(answer.names())
                .intArray(answer.ttls())
                .bool(easylist).bool(easyprivacy).bool(blacklist)
                .bool(!(easylist || easyprivacy || blacklist)).bool(dns.duplicate[j]);
            out.endRow();
        }
    }
}
