package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.List;

/** The study's 25 participants and 47 devices; the same at every scale. */
record Cast(List<User> users, List<Device> devices) {

    Cast {
        users = List.copyOf(users);
        devices = List.copyOf(devices);
    }

    User user(int id) {
        return users.get(id - 1);
    }

    /** The first owner of a device: a shared device takes its family's first registered member. */
    User owner(Device device) {
        return user(device.owners().get(0));
    }

    List<Device> personalDevices(User user) {
        List<Device> personal = new ArrayList<>();
        for (Device device : devices) {
            if (!device.shared() && device.owners().get(0) == user.id()) {
                personal.add(device);
            }
        }
        return personal;
    }
}
