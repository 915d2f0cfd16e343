package qoegraph.generate.study;

/**
 * Destination ports other than 80, 443 and 53, with their IANA service names, the host behind them, and
 * their share of such flows and of such bytes.
 */
enum Service {
    IMAPS(993, 6, "imaps", "imap.gmail.com", "google", 0.25, 0.20),
    XMPP(5222, 6, "xmpp-client", "e5.whatsapp.net", "whatsapp", 0.25, 0.03),
    NTP(123, 17, "ntp", "time.apple.com", "apple", 0.20, 0.005),
    STUN(3478, 17, "stun", "stun.l.google.com", "google", 0.08, 0.15),
    HTTP_ALT(8080, 6, "http-alt", "stream.radioplayer.co.uk", "generic", 0.08, 0.20),
    SUBMISSION(587, 6, "submission", "smtp.gmail.com", "google", 0.06, 0.015),
    RTMP(1935, 6, "macromedia-fcs", "cp87236.live.edgefcs.net", "akamai", 0.04, 0.35),
    IPSEC(4500, 17, "ipsec-nat-t", "vpn.eduroam.org", "generic", 0.04, 0.05);

    static final double[] FLOW_SHARES;

    static {
        double[] shares = new double[values().length];
        for (Service service : values()) {
            shares[service.ordinal()] = service.flowShare;
        }
        FLOW_SHARES = Seeds.cumulative(shares);
    }

    final int port;
    final int proto;
    final String iana;
    final String host;
    final String provider;
    final double flowShare;
    final double byteShare;

    Service(int port, int proto, String iana, String host, String provider, double flowShare, double byteShare) {
        this.port = port;
        this.proto = proto;
        this.iana = iana;
        this.host = host;
        this.provider = provider;
        this.flowShare = flowShare;
        this.byteShare = byteShare;
    }

    /** IANA service name of a destination port, or null when the port has none here. */
    static String ianaName(int port) {
        switch (port) {
            case 80:
                return "http";
            case 443:
                return "https";
            case 53:
                return "domain";
            default:
                for (Service service : values()) {
                    if (service.port == port) {
                        return service.iana;
                    }
                }
                return null;
        }
    }
}
