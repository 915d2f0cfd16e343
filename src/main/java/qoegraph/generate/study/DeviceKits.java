package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives each participant its devices: heavy users mostly two (one has three, two have one), light users one
 * or two, idle users one phone that never sent traffic; most pairs are a phone and a tablet. Each family gets
 * one shared device. Devices are numbered user by user in registration order.
 */
final class DeviceKits {

    private static final DevType[][] PAIRS = {
        {DevType.PHONE, DevType.TABLET}, {DevType.PHONE, DevType.LAPTOP},
        {DevType.PHONE, DevType.PC}, {DevType.TABLET, DevType.LAPTOP}};
    private static final double[] PAIR_WEIGHTS = Seeds.cumulative(new double[] {0.6, 0.25, 0.1, 0.05});
    private static final String[][] SHARED = {{"family-pc", "PC", "WINDOWS"}, {"family-ipad", "TABLET", "IOS"},
        {"family-laptop", "LAPTOP", "WINDOWS"}};

    private final SplittableRandom rng;
    private final List<DeviceDraft> all = new ArrayList<>();

    private DeviceKits(SplittableRandom rng) {
        this.rng = rng;
    }

    static List<Device> devices(List<User> users, List<CastBuilder.UserDraft> drafts,
                                List<List<CastBuilder.UserDraft>> families, SplittableRandom rng) {
        return new DeviceKits(rng).build(users, drafts, families);
    }

    private List<Device> build(List<User> users, List<CastBuilder.UserDraft> drafts,
                               List<List<CastBuilder.UserDraft>> families) {
        List<Integer> heavySizes = sizes(3, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        List<Integer> lightSizes = sizes(1, 1, 2, 2, 2, 2, 2, 2);
        List<List<DeviceDraft>> personal = new ArrayList<>();
        for (User user : users) {
            int size = switch (user.usage()) {
                case HEAVY -> heavySizes.remove(0);
                case LIGHT -> lightSizes.remove(0);
                case IDLE -> 1;
            };
            personal.add(kit(user, size));
        }
        List<DeviceDraft> shared = sharedDevices(users, drafts, families);
        for (User user : users) {
            all.addAll(personal.get(user.id() - 1));
            for (DeviceDraft device : shared) {
                if (device.owners.get(0) == user.id()) {
                    all.add(device);
                }
            }
        }
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            devices.add(all.get(i).toDevice(i + 1, users));
        }
        return devices;
    }

    private List<Integer> sizes(Integer... sizes) {
        List<Integer> list = new ArrayList<>(List.of(sizes));
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
        return list;
    }

    private List<DeviceDraft> kit(User user, int size) {
        List<DevType> types = new ArrayList<>();
        if (user.usage() == UsageLevel.IDLE) {
            types.add(DevType.PHONE);
        } else if (size == 1) {
            double phoneShare = user.usage() == UsageLevel.HEAVY ? 0.5 : 0.7;
            types.add(rng.nextDouble() < phoneShare ? DevType.PHONE : DevType.LAPTOP);
        } else if (size == 2) {
            types.addAll(List.of(PAIRS[Seeds.pick(rng, PAIR_WEIGHTS)]));
        } else {
            types.addAll(List.of(DevType.PHONE, DevType.TABLET, DevType.LAPTOP));
        }
        boolean apple = rng.nextDouble() < 0.4;
        List<DeviceDraft> kit = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            DevType type = types.get(i);
            Os os = os(type, apple);
            String name = Models.pick(type, os, rng);
            TimeSpan window = i == 0 ? user.window() : subWindow(user.window());
            kit.add(new DeviceDraft(name, user.username() + "." + name, type, os, false, List.of(user.id()),
                user.country(), window, weight(type), i == 0));
        }
        return kit;
    }

    private Os os(DevType type, boolean apple) {
        return switch (type) {
            case PHONE -> apple ? Os.IOS : Os.ANDROID;
            case TABLET -> apple || rng.nextDouble() < 0.25 ? Os.IOS : Os.ANDROID;
            case LAPTOP -> apple || rng.nextDouble() < 0.15 ? Os.DARWIN : Os.WINDOWS;
            case PC -> rng.nextDouble() < 0.15 ? Os.DARWIN : Os.WINDOWS;
        };
    }

    private double weight(DevType type) {
        double factor = switch (type) {
            case PHONE -> 1.0;
            case TABLET -> 1.2;
            case LAPTOP -> 1.8;
            case PC -> 1.5;
        };
        return factor * Seeds.logNormal(rng, 0.5);
    }

    private TimeSpan subWindow(TimeSpan window) {
        double from = rng.nextDouble() < 0.5 ? 0 : Seeds.uniform(rng, 0, 0.15);
        double to = rng.nextDouble() < 0.5 ? 1 : 1 - Seeds.uniform(rng, 0, 0.15);
        return window.part(from, to);
    }

    private List<DeviceDraft> sharedDevices(List<User> users, List<CastBuilder.UserDraft> drafts,
                                            List<List<CastBuilder.UserDraft>> families) {
        List<String[]> kinds = new ArrayList<>(List.of(SHARED));
        for (int i = kinds.size() - 1; i > 0; i--) {
            Collections.swap(kinds, i, rng.nextInt(i + 1));
        }
        List<DeviceDraft> shared = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            List<Integer> owners = new ArrayList<>();
            for (CastBuilder.UserDraft member : families.get(f)) {
                owners.add(drafts.indexOf(member) + 1);
            }
            Collections.sort(owners);
            TimeSpan window = users.get(owners.get(0) - 1).window();
            for (int owner : owners) {
                window = window.intersect(users.get(owner - 1).window());
            }
            window = window.part(Seeds.uniform(rng, 0, 0.1), 1 - Seeds.uniform(rng, 0, 0.1));
            String[] kind = kinds.get(f);
            DevType type = DevType.valueOf(kind[1]);
            String login = users.get(owners.get(0) - 1).username() + "." + kind[0];
            shared.add(new DeviceDraft(kind[0], login, type, Os.valueOf(kind[2]), true, owners,
                users.get(owners.get(0) - 1).country(), window, weight(type), false));
        }
        return shared;
    }

    private int[] addresses(int id, Country country, boolean idle) {
        int count = idle ? 1 : 2 + rng.nextInt(2);
        int[] addresses = new int[count];
        for (int k = 0; k < count; k++) {
            addresses[k] = (10 << 24) | (country.vpnOctet << 16) | (k << 8) | (id + 1);
        }
        return addresses;
    }

    private final class DeviceDraft {
        final String name;
        final String login;
        final DevType type;
        final Os os;
        final boolean shared;
        final List<Integer> owners;
        final Country country;
        final TimeSpan window;
        final double weight;
        final boolean main;

        DeviceDraft(String name, String login, DevType type, Os os, boolean shared, List<Integer> owners,
                    Country country, TimeSpan window, double weight, boolean main) {
            this.name = name;
            this.login = login;
            this.type = type;
            this.os = os;
            this.shared = shared;
            this.owners = owners;
            this.country = country;
            this.window = window;
            this.weight = weight;
            this.main = main;
        }

        Device toDevice(int id, List<User> users) {
            boolean idle = users.get(owners.get(0) - 1).usage() == UsageLevel.IDLE;
            return new Device(id, name, login, type, os, shared, addresses(id, country, idle), owners, country,
                window, weight, main);
        }
    }
}
