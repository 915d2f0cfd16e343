package qoegraph.generate.study;

/** A half-open period [start, end) of epoch microseconds. */
record Window(long start, long end) {

    Window {
        if (end <= start) {
            throw new IllegalArgumentException("empty window " + start + ".." + end);
        }
    }

    long length() {
        return end - start;
    }

    Window intersect(Window other) {
        return new Window(Math.max(start, other.start), Math.min(end, other.end));
    }

    /** The part from fraction a to fraction b of this window. */
    Window part(double from, double to) {
        return new Window(start + (long) (from * length()), start + (long) (to * length()));
    }
}
