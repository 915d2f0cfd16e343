package qoegraph.bench;

/** Reads values out of the Prometheus text format. */
final class Prometheus {
    private Prometheus() {
    }

    /** The sum of the samples of {@code metric} whose labels contain {@code label}; -1 when there is none. */
    static long sum(String text, String metric, String label) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }
}
