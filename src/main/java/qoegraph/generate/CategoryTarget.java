package qoegraph.generate;

/** Published figures of one ISP or one browser. */
record CategoryTarget(String name, int rows, int notConnected, double meanP2pFraction) {

    int connected() {
        return rows - notConnected;
    }
}
