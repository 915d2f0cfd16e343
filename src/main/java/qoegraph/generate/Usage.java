package qoegraph.generate;

/** What a viewer got from peers: not connected (so no P2P), connected but CDN only, or some P2P. */
enum Usage {
    NOT_CONNECTED, CDN_ONLY, P2P;

    boolean connected() {
        return this != NOT_CONNECTED;
    }
}
