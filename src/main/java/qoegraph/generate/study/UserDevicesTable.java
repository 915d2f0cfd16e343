package qoegraph.generate.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** user_devices: which user owns which device, a shared device once per owner; ordered by user then device. */
final class UserDevicesTable {

    static final String NAME = "user_devices";
    static final String HEADER = "user_id,device_id";

    private UserDevicesTable() {
    }

    static void write(Cast cast, PgCsvWriter out) throws IOException {
        List<int[]> links = new ArrayList<>();
        for (Device device : cast.devices()) {
            for (int owner : device.owners()) {
                links.add(new int[] {owner, device.id()});
            }
        }
        links.sort(Comparator.<int[]>comparingInt(l -> l[0]).thenComparingInt(l -> l[1]));
        for (int[] link : links) {
            out.num(link[0]).num(link[1]);
            out.endRow();
        }
    }
}
