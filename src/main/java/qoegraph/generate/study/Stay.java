package qoegraph.generate.study;

/** One location stay of a device, as one of its sources (moves, vpn, hostview) recorded it. */
record Stay(long enter, long exit, Place place, StayRole role, String source) {

    boolean overlaps(Stay other) {
        return enter < other.exit && other.enter < exit;
    }
}
