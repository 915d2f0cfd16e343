package qoegraph.generate.study;

import java.util.SplittableRandom;

/**
 * Builds one device's log from its plan. DNS requests come first; a planned share of the HTTP and HTTPS
 * flows then go to an address a preceding answer gave (most within a few seconds of it, some reusing the
 * cached answer minutes later), the others to addresses no answer ever gives. Each DNS request rides on its
 * own port-53 flow. Bytes are split over flows per port group to the planned totals exactly. The device's
 * main one opens and closes its owner's collection period.
 */
final class DeviceLogBuilder {

    private static final int GOOGLE_DNS = IpSpace.parse("8.8.8.8");

    private final DevicePlan plan;
    private final Device device;
    private final HostCatalog catalog;
    private final DevicePool pool;
    private final SplittableRandom rng;
    private final ActivityClock clock;
    private final TimeSpan window;
    private DnsLookups dns;
    private FlowSet flows;

    private DeviceLogBuilder(DevicePlan plan, Cast cast, HostCatalog catalog, long seed) {
        this.plan = plan;
        this.device = plan.device();
        this.catalog = catalog;
        this.pool = DevicePool.build(device, cast, catalog, seed);
        this.rng = Seeds.rng(seed, Seeds.DEVICE, device.id());
        this.window = device.window();
        this.clock = new ActivityClock(window, device.country().zone, device.type(), rng);
    }

    static DeviceLog build(DevicePlan plan, Cast cast, HostCatalog catalog, long seed) {
        return new DeviceLogBuilder(plan, cast, catalog, seed).build();
    }

    private DeviceLog build() {
        long origin = window.start();
        dns = DnsLookups.draw(Math.toIntExact(plan.dnsRequests()), clock, origin, window.end() - 2 * Times.MINUTE,
            pool, catalog, device.os(), rng);
        flows = new FlowSet(Math.toIntExact(plan.flows()));
        addWebFlows(FlowSet.HTTP, 80, plan.flowsHttp(), plan.coveredHttp());
        addWebFlows(FlowSet.HTTPS, 443, plan.flowsHttps(), plan.coveredHttps());
        addDnsFlows();
        addOtherFlows();
        FlowSizes.assign(flows, plan, rng);
        FlowSizes.time(flows, dns, window, rng);
        if (device.main()) {
            pinToWindow();
        }
        int[] moved = flows.sortByStart(origin);
        for (int j = 0; j < dns.count; j++) {
            dns.flow[j] = moved[dns.flow[j]];
        }
        flows.assignSources(device);
        HttpRequests http = HttpRequests.draw(Math.toIntExact(plan.httpRequests()), flows, origin, rng);
        dns.duplicate = http.duplicates(dns, flows, origin);
        return new DeviceLog(plan, dns, flows, http);
    }

    private void addWebFlows(byte group, int port, long count, long covered) {
        int[] rows = new int[dns.count];
        int eligible = 0;
        for (int j = 0; j < dns.count; j++) {
            if (dns.usage[j] == port) {
                rows[eligible++] = j;
            }
        }
        long linked = eligible == 0 ? 0 : covered;
        for (int i = 0; i < linked; i++) {
            addAfterAnswer(group, port, rows, eligible, i);
        }
        for (long i = linked; i < count; i++) {
            int id = port == 80 ? pool.httpHost(rng) : pool.httpsHost(rng);
            Host host = catalog.host(id);
            int ip = host.altIps()[rng.nextInt(host.altIps().length)];
            int f = flows.add(group, clock.next(), ip, id, port, proto(host, port), weight(group), true);
            flows.literal[f] = port == 80 && rng.nextDouble() < 0.35;
        }
    }

    /** The i-th flow that follows an answer: the first ones take each eligible answer once, in random order. */
    private void addAfterAnswer(byte group, int port, int[] rows, int eligible, int i) {
        int row;
        long delay;
        if (i < eligible) {
            int pick = i + rng.nextInt(eligible - i);
            row = rows[pick];
            rows[pick] = rows[i];
            rows[i] = row;
            delay = 2_000 + rng.nextLong(300_000);
        } else {
            row = rows[rng.nextInt(eligible)];
            delay = rng.nextDouble() < 0.7 ? 2_000 + rng.nextLong(3 * Times.SECOND)
                : Math.min((long) Seeds.exponential(rng, 4 * Times.MINUTE), 30 * Times.MINUTE);
        }
        long start = Math.min(dns.ts[row] + delay, window.end() - Times.MINUTE);
        int[] answered = dns.addresses(row, catalog);
        Host host = catalog.host(dns.host[row]);
        flows.add(group, start, answered[rng.nextInt(answered.length)], host.id(), port, proto(host, port),
            weight(group), false);
    }

    private void addDnsFlows() {
        int vpnResolver = device.country().resolver();
        for (int j = 0; j < dns.count; j++) {
            long start = Math.max(window.start(), dns.ts[j] - 3_000 - rng.nextLong(57_000));
            int resolver = device.os() == Os.ANDROID && rng.nextDouble() < 0.1 ? GOOGLE_DNS : vpnResolver;
            Host host = catalog.host(dns.host[j]);
            double size = 2 * (40 + host.name().length()) + 16 * dns.answers[j] + (host.cname() == null ? 0 : 30);
            int f = flows.add(FlowSet.DNS, start, resolver, -1, 53, 17, size, false);
            flows.dnsRow[f] = j;
            dns.flow[j] = f;
        }
        for (long i = dns.count; i < plan.flowsDns(); i++) {
            flows.add(FlowSet.DNS, clock.next(), vpnResolver, -1, 53, 17, 150 * Seeds.logNormal(rng, 0.3), true);
        }
    }

    private void addOtherFlows() {
        for (long i = 0; i < plan.flowsOther(); i++) {
            Service service = Service.values()[Seeds.pick(rng, Service.FLOW_SHARES)];
            Host host = catalog.service(service);
            double weight = service.byteShare / service.flowShare * Seeds.logNormal(rng, 1.0);
            flows.add(FlowSet.OTHER, clock.next(), host.ips()[rng.nextInt(host.ips().length)], host.id(),
                service.port, service.proto, weight, true);
        }
    }

    /** Google's servers spoke QUIC (UDP 443) to Chrome on Android and Windows in 2015. */
    private int proto(Host host, int port) {
        boolean google = host.name().contains("google") || host.name().contains("youtube")
            || host.name().contains("gstatic");
        boolean chrome = device.os() == Os.ANDROID || device.os() == Os.WINDOWS;
        return port == 443 && google && chrome && rng.nextDouble() < 0.3 ? 17 : 6;
    }

    private double weight(byte group) {
        return Seeds.logNormal(rng, group == FlowSet.HTTP ? 1.3 : 1.8);
    }

    /** Moves the earliest and the latest movable flow to the very start and end of the owner's period. */
    private void pinToWindow() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < flows.size; i++) {
            if (!flows.free[i]) {
                continue;
            }
            if (first < 0 || flows.start[i] < flows.start[first]) {
                first = i;
            }
            if (last < 0 || flows.start[i] >= flows.start[last]) {
                last = i;
            }
        }
        if (first < 0 || first == last) {
            return;
        }
        long duration = Math.min(flows.end[first] - flows.start[first], Times.HOUR);
        flows.start[first] = window.start();
        flows.end[first] = window.start() + duration;
        flows.start[last] = window.end() - 5 * Times.SECOND;
        flows.end[last] = window.end() - 1;
    }
}
