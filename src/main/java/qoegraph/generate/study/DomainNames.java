package qoegraph.generate.study;

import java.util.Set;

/** Public suffix and registrable domain of a host name, keeping co.uk-style two-label suffixes. */
final class DomainNames {

    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of("co.uk", "org.uk", "ac.uk", "net.uk", "me.uk",
        "ltd.uk", "plc.uk");

    private DomainNames() {
    }

    static String suffix(String host) {
        int last = host.lastIndexOf('.');
        int previous = host.lastIndexOf('.', last - 1);
        if (previous >= 0 && TWO_LABEL_SUFFIXES.contains(host.substring(previous + 1))) {
            return host.substring(previous + 1);
        }
        return host.substring(last + 1);
    }

    static String registrable(String host) {
        String suffix = suffix(host);
        int end = host.length() - suffix.length() - 1;
        if (end <= 0) {
            return host;
        }
        int start = host.lastIndexOf('.', end - 1);
        return host.substring(start + 1);
    }
}
