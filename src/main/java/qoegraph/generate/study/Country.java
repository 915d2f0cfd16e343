package qoegraph.generate.study;

import java.time.ZoneId;

/** The two countries of the study, with the zone a participant's local time is read in. */
enum Country {
    FR("fr", "Europe/Paris", 8),
    UK("uk", "Europe/London", 9);

    final String code;
    final ZoneId zone;
    /** Second octet of the country's VPN address pool 10.x.0.0/16; the resolver is 10.x.0.1. */
    final int vpnOctet;

    Country(String code, String zone, int vpnOctet) {
        this.code = code;
        this.zone = ZoneId.of(zone);
        this.vpnOctet = vpnOctet;
    }

    int resolver() {
        return (10 << 24) | (vpnOctet << 16) | 1;
    }
}
