package qoegraph.generate.study;

import java.io.IOException;

/** devices: one row per device, its login being its first owner's name and its own. */
final class DevicesTable {

    static final String NAME = "devices";
    static final String HEADER = "id,name,login,platform,devtype,os,shared,addresses";

    private DevicesTable() {
    }

    static void write(Cast cast, PgCsvWriter out) throws IOException {
        for (Device device : cast.devices()) {
            out.num(device.id()).text(device.name()).text(device.login()).text(device.os().platform)
                .text(device.type().label).text(device.os().label).bool(device.shared())
                .textArray(device.addressTexts());
            out.endRow();
        }
    }
}
