package qoegraph.generate.study;

import java.util.List;

/**
 * A device: the devices row, its owners (several for a shared device), the period it sent traffic, its
 * VPN addresses as integers, and its weight among its owner's devices.
 */
record Device(int id, String name, String login, DevType type, Os os, boolean shared, int[] addresses,
              List<Integer> owners, Country country, TimeSpan window, double weight, boolean main) {

    Device {
        owners = List.copyOf(owners);
        addresses = addresses.clone();
    }

    String[] addressTexts() {
        String[] texts = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            texts[i] = IpSpace.format(addresses[i]);
        }
        return texts;
    }
}
