package qoegraph.generate;

/** One stream's published figures; each viewer's p2p+cdn is about nominalBytes x U(0.95, 1.05). */
record StreamTarget(int stream, int rows, double connectedPercent, double meanP2pFraction, long nominalBytes) {

    /** The write-ups give the share with enough digits that the count is exact. */
    int connected() {
        return (int) Math.round(rows * connectedPercent / 100);
    }

    int notConnected() {
        return rows - connected();
    }
}
