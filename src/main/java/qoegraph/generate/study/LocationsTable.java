package qoegraph.generate.study;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * locations: each device's stays in time order. A Moves stay carries the place's name, venue, coordinates and
 * address; a VPN stay the public address seen (and a city-level position); a Hostview stay the network and
 * its Wi-Fi name. overlap is true exactly on the stays that overlap another stay of the same device.
 */
final class LocationsTable {

    static final String NAME = "locations";
    static final String HEADER = "id,devid,source,entertime,exittime,name,loc_id,loc_name,net_public_ip,"
        + "net_reverse_dns,net_asnumber,net_asname,lat,lon,street,city,country,overlap";

    private final PgCsvWriter out;
    private long nextId = 1;

    LocationsTable(PgCsvWriter out) {
        this.out = out;
    }

    void write(Device device, Places places, long count, long seed) throws IOException {
        SplittableRandom rng = Seeds.rng(seed, Seeds.LOCATIONS, device.id());
        List<Stay> stays = new java.util.ArrayList<>(StayPlanner.plan(device, places, count, rng));
        stays.sort(Comparator.comparingLong(Stay::enter));
        boolean[] overlap = new boolean[stays.size()];
        for (int i = 0; i < stays.size(); i++) {
            for (int k = i + 1; k < stays.size() && stays.get(k).enter() < stays.get(i).exit(); k++) {
                if (stays.get(i).overlaps(stays.get(k))) {
                    overlap[i] = true;
                    overlap[k] = true;
                }
            }
        }
        for (int i = 0; i < stays.size(); i++) {
            row(device, places, stays.get(i), overlap[i], rng);
        }
    }

    private void row(Device device, Places places, Stay stay, boolean overlap, SplittableRandom rng)
            throws IOException {
        Place place = stay.place();
        boolean moves = stay.source().equals("moves");
        boolean anchored = stay.role() == StayRole.HOME || stay.role() == StayRole.WORK;
        Network network = place.network() != null ? place.network()
            : Network.away(device.country(), places.carrier, rng);
        out.num(nextId++).num(device.id()).text(stay.source()).timestamp(stay.enter()).timestamp(stay.exit())
            .text(moves || anchored ? place.label() : null).num(place.id());
        if (moves) {
            out.text(place.venue()).nul().nul().nul().nul()
                .millionths(place.lat() + rng.nextInt(61) - 30).millionths(place.lon() + rng.nextInt(61) - 30)
                .text(place.street());
        } else {
            boolean vpn = stay.source().equals("vpn");
            out.text(vpn ? null : network.ssid()).ipv4(network.publicIp()).text(network.reverseDns())
                .num(network.asNumber()).text(network.asName());
            if (vpn) {
                City city = place.city();
                out.millionths(city.lat() + rng.nextInt(20_001) - 10_000)
                    .millionths(city.lon() + rng.nextInt(20_001) - 10_000);
            } else {
                out.nul().nul();
            }
            out.nul();
        }
        out.text(place.city().name()).text(place.city().country()).bool(overlap);
        out.endRow();
    }
}
