package qoegraph.generate.study;

/** A half-open period [start, end) of epoch microseconds. */
record TimeSpan(long start, long end) {

    TimeSpan {
        if (end <= start) {
            throw new IllegalArgumentException("empty window " + start + ".." + end);
        }
    }

    long length() {
        return end - start;
    }

    TimeSpan intersect(TimeSpan other) {
        return new TimeSpan(Math.max(start, other.start), Math.min(end, other.end));
    }

    /** The part from fraction a to fraction b of this window. */
    TimeSpan part(double from, double to) {
        return new TimeSpan(start + (long) (from * length()), start + (long) (to * length()));
    }
}
