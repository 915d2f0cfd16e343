package qoegraph.generate.study;

/**
 * Device types, each with its owner's hour-of-day profile of use (local time, weekdays; weekends start later)
 * and how many location stays it records on a day it records any (at scale 1 every day of its period).
 */
enum DevType {
    PHONE("phone", 4.5, new double[] {
        2.0, 1.0, 0.5, 0.3, 0.25, 0.35, 1.2, 3.5, 4.5, 4.0, 3.8, 4.0,
        5.0, 4.6, 4.0, 4.0, 4.3, 5.0, 5.6, 6.0, 6.4, 6.8, 6.0, 4.0}),
    TABLET("tablet", 2.25, new double[] {
        2.5, 1.2, 0.5, 0.3, 0.2, 0.3, 0.8, 2.0, 2.5, 2.0, 1.8, 2.0,
        2.8, 2.6, 2.4, 2.6, 3.0, 3.8, 5.0, 6.5, 8.0, 8.5, 7.0, 4.5}),
    LAPTOP("laptop", 2.9, new double[] {
        1.5, 0.8, 0.4, 0.25, 0.2, 0.3, 0.7, 2.0, 4.5, 6.0, 6.5, 6.0,
        4.5, 5.5, 6.2, 6.0, 5.5, 4.5, 4.0, 4.5, 5.0, 5.0, 4.0, 2.5}),
    PC("pc", 1.8, new double[] {
        1.5, 0.7, 0.3, 0.2, 0.2, 0.2, 0.5, 1.2, 2.0, 2.5, 2.8, 3.0,
        3.0, 3.0, 3.0, 3.2, 3.8, 4.5, 5.5, 6.5, 7.0, 6.5, 5.0, 3.0});

    final String label;
    final double staysPerDay;
    private final double[] weekday;

    DevType(String label, double staysPerDay, double[] weekday) {
        this.label = label;
        this.staysPerDay = staysPerDay;
        this.weekday = weekday;
    }

    double[] hourWeights(boolean weekend) {
        double[] weights = weekday.clone();
        if (weekend) {
            for (int h = 6; h <= 8; h++) {
                weights[h] *= 0.5;
            }
            for (int h = 10; h <= 13; h++) {
                weights[h] *= 1.3;
            }
        }
        return weights;
    }

    boolean mobile() {
        return this == PHONE || this == TABLET;
    }
}
