package qoegraph.bench;

import java.lang.management.ManagementFactory;

/** What the figures were measured on. */
record Machine(int cores, long memoryBytes, String jdk, String os) {

    static Machine current() {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), bean.getTotalMemorySize(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    String describe() {
        return String.format("%d cores, %.1f GB memory, %s, %s", cores, memoryBytes / 1e9, jdk, os);
    }
}
