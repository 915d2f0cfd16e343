package qoegraph.generate.study;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Hands out distinct public IPv4 addresses inside each provider's real prefixes, and IPv6 addresses. */
final class IpSpace {

    private static final Map<String, String[]> PREFIXES = Map.ofEntries(
        Map.entry("google", new String[] {"216.58", "172.217", "74.125", "173.194"}),
        Map.entry("facebook", new String[] {"31.13", "69.171", "173.252"}),
        Map.entry("twitter", new String[] {"199.16.156", "199.16.157", "104.244.42", "199.96.57"}),
        Map.entry("wikimedia", new String[] {"91.198.174", "208.80.154"}),
        Map.entry("amazon", new String[] {"54.239", "176.32", "52.94", "54.230", "52.84"}),
        Map.entry("akamai", new String[] {"23.15", "23.32", "23.48", "2.16", "2.18", "2.21", "92.122", "95.100",
            "104.96", "184.25"}),
        Map.entry("fastly", new String[] {"23.235.33", "23.235.37", "199.27.79", "185.31.17", "185.31.18"}),
        Map.entry("cloudflare", new String[] {"104.16", "104.20", "141.101", "198.41"}),
        Map.entry("bbc", new String[] {"212.58.244", "212.58.246", "132.185"}),
        Map.entry("yahoo", new String[] {"87.248", "188.125", "46.228"}),
        Map.entry("microsoft", new String[] {"65.55", "134.170", "157.56", "40.77", "191.232"}),
        Map.entry("apple", new String[] {"17.167", "17.172", "17.178", "17.248"}),
        Map.entry("orange", new String[] {"193.252", "80.12", "81.252"}),
        Map.entry("free", new String[] {"212.27"}),
        Map.entry("github", new String[] {"192.30.252", "192.30.253"}),
        Map.entry("dailymotion", new String[] {"195.8.215", "188.65.124"}),
        Map.entry("criteo", new String[] {"178.250.0", "178.250.2"}),
        Map.entry("appnexus", new String[] {"68.67.152", "68.67.153"}),
        Map.entry("whatsapp", new String[] {"158.85", "184.173"}),
        Map.entry("generic", new String[] {"5.39", "51.254", "37.187", "213.186", "185.45", "195.154", "62.210",
            "46.101", "94.229", "109.108", "77.72", "88.208", "213.171", "81.91", "193.62", "178.32", "91.121",
            "87.98", "176.31", "151.80"}));

    private static final Map<String, String> IPV6_PREFIXES = Map.of(
        "google", "2a00:1450:4007", "facebook", "2a03:2880:f01c", "wikimedia", "2620:0:862",
        "akamai", "2a02:26f0:e8", "yahoo", "2a00:1288:110", "microsoft", "2a01:111:f100",
        "cloudflare", "2400:cb00:2048", "apple", "2a01:b740:a41", "generic", "2001:41d0:2");

    private final Set<Integer> used = new HashSet<>();
    private final SplittableRandom rng;

    IpSpace(SplittableRandom rng) {
        this.rng = rng;
    }

    static boolean knows(String provider) {
        return PREFIXES.containsKey(provider);
    }

    int[] allocate(String provider, int count) {
        String[] prefixes = PREFIXES.get(provider);
        int[] addresses = new int[count];
        for (int i = 0; i < count; i++) {
            int address;
            do {
                address = within(Seeds.pick(rng, prefixes));
            } while (!used.add(address));
            addresses[i] = address;
        }
        return addresses;
    }

    String[] ipv6(String provider, int count) {
        String prefix = IPV6_PREFIXES.getOrDefault(provider, IPV6_PREFIXES.get("generic"));
        String[] addresses = new String[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = prefix + ":" + Integer.toHexString(1 + rng.nextInt(0xfffe)) + "::"
                + Integer.toHexString(1 + rng.nextInt(0xfffe));
        }
        return addresses;
    }

    private int within(String prefix) {
        String[] octets = prefix.split("\\.");
        int address = 0;
        for (int i = 0; i < 4; i++) {
            int octet = i < octets.length ? Integer.parseInt(octets[i]) : (i == 3 ? 1 + rng.nextInt(254)
                : rng.nextInt(256));
            address = (address << 8) | octet;
        }
        return address;
    }

    static int parse(String dotted) {
        String[] octets = dotted.split("\\.");
        int address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        return address;
    }

    static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
            + (address & 0xff);
    }
}
