package qoegraph.generate.study;

/**
 * A place a participant stays at: its label (home, work, cafe...; null for places never named), the venue
 * name the Moves app gave it, coordinates in millionths of a degree, address, and the network seen there.
 */
record Place(int id, String label, String venue, long lat, long lon, String street, City city, Network network) {

    boolean named() {
        return label != null;
    }
}
