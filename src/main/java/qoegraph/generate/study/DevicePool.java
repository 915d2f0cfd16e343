package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The destinations one device contacts, with how often. The popular sites of the owner's country, ads and
 * trackers and the owner's favourite smaller sites are weighted the same way on all of the owner's devices
 * (so they share many destinations); operating-system back ends and a few sites of the device's own are not.
 */
final class DevicePool {

    private static final double POPULAR = 0.42;
    private static final double ADS = 0.09;
    private static final double TRACKERS = 0.09;
    private static final double SYSTEM = 0.07;
    private static final double APPS = 0.03;
    private static final double SERVICES = 0.01;
    private static final double BETTING = 0.005;
    private static final double FAVOURITES = 0.22;
    private static final double OWN = 0.08;
    private static final int FAVOURITE_COUNT = 80;
    private static final int OWN_COUNT = 40;

    private final int[] hosts;
    private final double[] dns;
    private final double[] http;
    private final double[] https;

    private DevicePool(int[] hosts, double[] dns, double[] http, double[] https) {
        this.hosts = hosts;
        this.dns = dns;
        this.http = http;
        this.https = https;
    }

    static DevicePool build(Device device, Cast cast, HostCatalog catalog, long seed) {
        User owner = cast.owner(device);
        SplittableRandom userRng = Seeds.rng(seed, Seeds.POOL, owner.id());
        double[] taste = new double[catalog.size()];
        for (int h = 0; h < taste.length; h++) {
            taste[h] = Seeds.logNormal(userRng, 1.0);
        }
        boolean bets = userRng.nextDouble() < 0.3;
        SplittableRandom deviceRng = Seeds.rng(seed, Seeds.POOL, 1000 + device.id());
        Builder builder = new Builder(catalog, owner.country(), taste, deviceRng);
        builder.known(HostCategory.WEB, POPULAR * 0.8, device.os());
        builder.known(HostCategory.CDN, POPULAR * 0.2, device.os());
        builder.known(HostCategory.AD, ADS, device.os());
        builder.known(HostCategory.TRACKER, TRACKERS, device.os());
        builder.known(HostCategory.BLACKLIST, bets ? BETTING : 0, device.os());
        for (HostCategory system : new HostCategory[] {HostCategory.ANDROID, HostCategory.IOS,
            HostCategory.WINDOWS, HostCategory.MAC}) {
            builder.known(system, system.servesOs(device.os()) ? SYSTEM : 0, device.os());
        }
        builder.known(HostCategory.APP, device.type().mobile() ? APPS : 0, device.os());
        builder.known(HostCategory.SERVICE, SERVICES, device.os());
        List<Integer> favourites = new ArrayList<>();
        for (int user : device.owners()) {
            favourites.addAll(longTail(catalog, cast.user(user).country(), FAVOURITE_COUNT,
                Seeds.rng(seed, Seeds.POOL, user, 1)));
        }
        builder.ranked(favourites, FAVOURITES);
        builder.ranked(longTail(catalog, owner.country(), OWN_COUNT, deviceRng), OWN);
        return builder.pool();
    }

    int dnsHost(SplittableRandom rng) {
        return hosts[Seeds.pick(rng, dns)];
    }

    int httpHost(SplittableRandom rng) {
        return hosts[Seeds.pick(rng, http)];
    }

    int httpsHost(SplittableRandom rng) {
        return hosts[Seeds.pick(rng, https)];
    }

    private static List<Integer> longTail(HostCatalog catalog, Country country, int count, SplittableRandom rng) {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            int id = rng.nextInt(catalog.size());
            Host host = catalog.host(id);
            boolean local = host.affinity() == null || host.affinity() == country;
            if (catalog.longTail(id) && (local || rng.nextDouble() < 0.15) && !chosen.contains(id)) {
                chosen.add(id);
            }
        }
        return chosen;
    }

    private static final class Builder {
        private final HostCatalog catalog;
        private final Country country;
        private final double[] taste;
        private final SplittableRandom rng;
        private final List<Integer> ids = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder(HostCatalog catalog, Country country, double[] taste, SplittableRandom rng) {
            this.catalog = catalog;
            this.country = country;
            this.taste = taste;
            this.rng = rng;
        }

        void known(HostCategory category, double share, Os os) {
            List<Integer> group = new ArrayList<>();
            List<Double> groupWeights = new ArrayList<>();
            int rank = 0;
            for (int id = 0; id < catalog.size() && !catalog.longTail(id); id++) {
                Host host = catalog.host(id);
                if (host.category() != category || !category.servesOs(os)) {
                    continue;
                }
                double local = host.affinity() == null ? 1 : host.affinity() == country ? 2.5 : 0.03;
                group.add(id);
                groupWeights.add(local * taste[id] * Seeds.logNormal(rng, 0.3) / StrictMath.pow(rank + 2, 0.8));
                rank++;
            }
            add(group, groupWeights, share);
        }

        void ranked(List<Integer> group, double share) {
            List<Double> groupWeights = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                groupWeights.add(Seeds.logNormal(rng, 0.3) / StrictMath.pow(i + 3, 0.9));
            }
            add(group, groupWeights, share);
        }

        private void add(List<Integer> group, List<Double> groupWeights, double share) {
            double sum = groupWeights.stream().mapToDouble(Double::doubleValue).sum();
            if (share <= 0 || sum <= 0) {
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                ids.add(group.get(i));
                weights.add(share * groupWeights.get(i) / sum);
            }
        }

        DevicePool pool() {
            int size = ids.size();
            int[] hosts = new int[size];
            double[] dns = new double[size];
            double[] http = new double[size];
            double[] https = new double[size];
            for (int i = 0; i < size; i++) {
                hosts[i] = ids.get(i);
                Host host = catalog.host(hosts[i]);
                boolean web = host.category() != HostCategory.SERVICE;
                dns[i] = weights.get(i);
                http[i] = web ? weights.get(i) * (1 - host.httpsShare()) : 0;
                https[i] = web ? weights.get(i) * host.httpsShare() : 0;
            }
            return new DevicePool(hosts, Seeds.cumulative(dns), Seeds.cumulative(http), Seeds.cumulative(https));
        }
    }
}
