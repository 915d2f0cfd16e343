package qoegraph.generate.study;

/** What a host serves; decides its filter-list matches, its requests' content and who contacts it. */
enum HostCategory {
    WEB, CDN, AD, TRACKER, BLACKLIST, ANDROID, IOS, WINDOWS, MAC, APP, SERVICE;

    boolean easylist() {
        return this == AD;
    }

    boolean easyprivacy() {
        return this == TRACKER;
    }

    boolean blacklisted() {
        return this == BLACKLIST;
    }

    /** Operating-system back ends only the devices running that system contact. */
    boolean system() {
        return this == ANDROID || this == IOS || this == WINDOWS || this == MAC;
    }

    boolean servesOs(Os os) {
        return switch (this) {
            case ANDROID -> os == Os.ANDROID;
            case IOS -> os == Os.IOS;
            case WINDOWS -> os == Os.WINDOWS;
            case MAC -> os == Os.DARWIN;
            case APP -> os == Os.ANDROID || os == Os.IOS;
            default -> true;
        };
    }
}
