package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Every destination of the study: the known hosts of 2015, the hosts behind other ports, and a long tail of
 * smaller French, British and international sites. Host ids are list positions.
 */
final class HostCatalog {

    static final int LONG_TAIL = 1500;

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ra", "to", "vu", "sa", "be", "di", "fo",
        "gu", "pa", "te", "zo", "li", "mar", "tin", "vel", "cor", "son", "bel", "fla", "gri", "pro", "tec", "web",
        "net", "shop", "news", "play", "cloud", "media", "info", "zen", "nova", "blue", "green", "box", "hub", "lab",
        "line", "city", "star", "jour", "maison", "velo", "chef", "park", "home", "book", "deal", "ride", "sport"};
    private static final String[] SUBDOMAINS = {"www.", "www.", "www.", "www.", "www.", "www.", "www.", "www.", "",
        "m.", "api.", "cdn.", "static.", "img.", "media."};
    private static final String[] TAIL_PROVIDERS = {"cloudflare", "cloudflare", "akamai", "amazon", "amazon",
        "fastly", "generic", "generic", "generic", "generic"};
    private static final int[] TTLS = {60, 300, 300, 3600, 14400};

    private final List<Host> hosts;
    private final int firstService;

    private HostCatalog(List<Host> hosts, int firstService) {
        this.hosts = List.copyOf(hosts);
        this.firstService = firstService;
    }

    static HostCatalog build(long seed) {
        SplittableRandom rng = Seeds.rng(seed, Seeds.CATALOG);
        IpSpace space = new IpSpace(rng);
        List<Host> hosts = new ArrayList<>();
        for (String line : KnownHosts.LINES) {
            hosts.add(known(hosts.size(), line, space));
        }
        int firstService = hosts.size();
        for (Service service : Service.values()) {
            hosts.add(host(hosts.size(), service.host, service.provider, HostCategory.SERVICE, 0, null, null, 300,
                false, space));
        }
        Set<String> names = new HashSet<>();
        hosts.forEach(h -> names.add(h.name()));
        while (hosts.size() < firstService + Service.values().length + LONG_TAIL) {
            Host host = longTail(hosts.size(), rng, space);
            if (names.add(host.name())) {
                hosts.add(host);
            }
        }
        return new HostCatalog(hosts, firstService);
    }

    int size() {
        return hosts.size();
    }

    Host host(int id) {
        return hosts.get(id);
    }

    Host service(Service service) {
        return hosts.get(firstService + service.ordinal());
    }

    boolean longTail(int id) {
        return id >= firstService + Service.values().length;
    }

    private static Host known(int id, String line, IpSpace space) {
        String[] tokens = line.split(" ");
        Country affinity = null;
        String cname = null;
        int ttl = 300;
        boolean v6 = false;
        for (int i = 4; i < tokens.length; i++) {
            String flag = tokens[i];
            if (flag.equals("fr")) {
                affinity = Country.FR;
            } else if (flag.equals("uk")) {
                affinity = Country.UK;
            } else if (flag.equals("v6")) {
                v6 = true;
            } else if (flag.startsWith("cname=")) {
                cname = flag.substring(6);
            } else if (flag.startsWith("ttl=")) {
                ttl = Integer.parseInt(flag.substring(4));
            } else {
                throw new IllegalStateException("unknown host flag " + flag + " in '" + line + "'");
            }
        }
        return host(id, tokens[0], tokens[1], HostCategory.valueOf(tokens[2]), Double.parseDouble(tokens[3]),
            affinity, cname, ttl, v6, space);
    }

    private static Host host(int id, String name, String provider, HostCategory category, double httpsShare,
                             Country affinity, String cname, int ttl, boolean v6, IpSpace space) {
        if (!IpSpace.knows(provider)) {
            throw new IllegalStateException("unknown provider " + provider + " of " + name);
        }
        boolean large = category == HostCategory.CDN || provider.equals("google") || provider.equals("akamai")
            || provider.equals("facebook");
        return new Host(id, name, DomainNames.registrable(name), DomainNames.suffix(name), category, httpsShare,
            affinity, cname, ttl, space.allocate(provider, large ? 4 : 2), space.allocate(provider, 2),
            v6 ? space.ipv6(provider, 2) : new String[0]);
    }

    private static Host longTail(int id, SplittableRandom rng, IpSpace space) {
        double draw = rng.nextDouble();
        Country affinity = draw < 0.4 ? Country.FR : draw < 0.85 ? Country.UK : null;
        String word = Seeds.pick(rng, SYLLABLES) + Seeds.pick(rng, SYLLABLES)
            + (rng.nextDouble() < 0.3 ? Seeds.pick(rng, SYLLABLES) : "");
        String subdomain = Seeds.pick(rng, SUBDOMAINS);
        String name = subdomain + word + "." + tld(affinity, rng);
        HostCategory category = subdomain.equals("cdn.") || subdomain.equals("static.") || subdomain.equals("img.")
            || subdomain.equals("media.") ? HostCategory.CDN : HostCategory.WEB;
        String provider = Seeds.pick(rng, TAIL_PROVIDERS);
        String cname = rng.nextDouble() < 0.2 ? cname(name, word, provider, rng) : null;
        return host(id, name, provider, category, httpsShare(rng), affinity, cname,
            TTLS[rng.nextInt(TTLS.length)], rng.nextDouble() < 0.08, space);
    }

    private static String tld(Country affinity, SplittableRandom rng) {
        double draw = rng.nextDouble();
        if (affinity == Country.FR) {
            return draw < 0.55 ? "fr" : draw < 0.9 ? "com" : draw < 0.95 ? "net" : "eu";
        }
        if (affinity == Country.UK) {
            return draw < 0.5 ? "co.uk" : draw < 0.85 ? "com" : draw < 0.9 ? "org.uk" : "net";
        }
        return draw < 0.7 ? "com" : draw < 0.8 ? "net" : draw < 0.9 ? "org" : "io";
    }

    /** Most sites were plain HTTP in 2015, some HTTPS only, a few mixed. */
    private static double httpsShare(SplittableRandom rng) {
        double draw = rng.nextDouble();
        if (draw < 0.5) {
            return Seeds.uniform(rng, 0, 0.2);
        }
        return draw < 0.8 ? Seeds.uniform(rng, 0.4, 0.7) : Seeds.uniform(rng, 0.85, 1.0);
    }

    private static String cname(String name, String word, String provider, SplittableRandom rng) {
        return switch (provider) {
            case "akamai" -> name + ".edgekey.net";
            case "amazon" -> "d" + Long.toString(rng.nextLong(1L << 50), 36) + ".cloudfront.net";
            case "fastly" -> word + ".map.fastly.net";
            default -> null;
        };
    }
}
