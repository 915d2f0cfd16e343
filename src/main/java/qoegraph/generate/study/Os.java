package qoegraph.generate.study;

/** Operating systems of the study's devices, with the platform label and the ephemeral port range they use. */
enum Os {
    ANDROID("android", "android", 32768, 60999),
    IOS("ios", "ios", 49152, 65535),
    DARWIN("darwin", "darwin", 49152, 65535),
    WINDOWS("windows", "win32", 49152, 65535);

    final String label;
    final String platform;
    final int firstPort;
    final int portCount;

    Os(String label, String platform, int firstPort, int lastPort) {
        this.label = label;
        this.platform = platform;
        this.firstPort = firstPort;
        this.portCount = lastPort - firstPort + 1;
    }

    boolean apple() {
        return this == IOS || this == DARWIN;
    }
}
