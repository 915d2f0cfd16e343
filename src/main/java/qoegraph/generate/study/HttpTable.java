package qoegraph.generate.study;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * httpreqs: one row per HTTP request, logged by the VPN's Squid proxy or, on laptops and PCs, by the
 * Hostview agent (which sees no response). user_url is true when none of the four filters matches: the
 * requests a person asked for, as opposed to ads, trackers, page resources and blacklisted sites.
 */
final class HttpTable {

    static final String NAME = "httpreqs";
    static final String HEADER = "id,devid,source,ts,req_method,req_version,req_url,req_url_scheme,req_url_port,"
        + "req_url_host,req_url_domain,req_url_tld,req_url_origin,req_url_path,req_ua,req_referer,res_status_code,"
        + "res_size,res_mimetype,srcip,dstip,proto,srcport,dstport,flowid,matches_easylist,matches_easyprivacy,"
        + "matches_ctypefilter,matches_urlblacklist,user_url";
    private static final String[] FR_PAGES = {"http://www.lemonde.fr/", "http://www.leboncoin.fr/annonces/",
        "http://www.lefigaro.fr/actualite-france/", "http://www.20minutes.fr/"};
    private static final String[] UK_PAGES = {"http://www.bbc.co.uk/news", "http://www.dailymail.co.uk/home/index.html",
        "http://www.theguardian.com/uk", "http://www.telegraph.co.uk/news/"};

    private final PgCsvWriter out;
    private final HostCatalog catalog;
    private long nextId = 1;

    HttpTable(PgCsvWriter out, HostCatalog catalog) {
        this.out = out;
        this.catalog = catalog;
    }

    void write(DeviceLog log, long seed) throws IOException {
        Device device = log.device();
        SplittableRandom rng = Seeds.rng(seed, Seeds.HTTP_ROWS, device.id());
        UserAgents agents = UserAgents.of(device, rng);
        boolean hostview = device.type() == DevType.LAPTOP || device.type() == DevType.PC;
        FlowSet flows = log.flows();
        HttpRequests http = log.http();
        for (int r = 0; r < http.count; r++) {
            int f = http.flow[r];
            Host host = catalog.host(flows.host[f]);
            String name = flows.literal[f] ? IpSpace.format(flows.dstip[f]) : host.name();
            boolean byHostview = hostview && rng.nextDouble() < 0.35;
            HttpContent content = HttpContent.draw(host, rng);
            content = byHostview ? content.withoutResponse() : content;
            String origin = "http://" + name;
            String url = origin + content.path() + (content.query() == null ? "" : "?" + content.query());
            boolean easylist = host.category().easylist();
            boolean easyprivacy = host.category().easyprivacy();
            boolean ctype = content.kind().filteredType;
            boolean blacklist = host.category().blacklisted();
            out.num(nextId++).num(device.id()).text(byHostview ? "hostview" : "squid").timestamp(http.ts[r])
                .text(content.method()).text(content.version()).text(url).text("http").num(80).text(name)
                .text(flows.literal[f] ? name : host.domain()).text(flows.literal[f] ? null : host.suffix())
                .text(origin).text(content.path()).encoded(agents.pick(rng))
                .text(referer(content.kind(), host, name, device.country(), rng))
                .num(content.status() == null ? null : (long) content.status()).num(content.size())
                .text(content.mime())
                .ipv4(flows.srcAddress[f]).ipv4(flows.dstip[f]).num(flows.proto[f]).num(flows.srcPort[f]).num(80)
                .num(flows.flowId[f])
                .bool(easylist).bool(easyprivacy).bool(ctype).bool(blacklist)
                .bool(!(easylist || easyprivacy || ctype || blacklist));
            out.endRow();
        }
    }

    private static String referer(RequestKind kind, Host host, String name, Country country, SplittableRandom rng) {
        double draw = rng.nextDouble();
        if (kind == RequestKind.PAGE) {
            return draw < 0.3 ? (country == Country.FR ? "https://www.google.fr/" : "https://www.google.co.uk/") : null;
        }
        if (draw >= 0.75 || host.category().system() || host.category() == HostCategory.APP) {
            return null;
        }
        if (host.category() == HostCategory.WEB) {
            return "http://" + name + "/";
        }
        return Seeds.pick(rng, country == Country.FR ? FR_PAGES : UK_PAGES);
    }
}
