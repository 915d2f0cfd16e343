package qoegraph.generate;

/** A group of identical viewers by category: how many rows the generator writes for it per block. */
record SessionCell(int stream, int isp, int browser, Usage usage, SizeBand band, long count) {

    SessionCell withBand(SizeBand newBand, long newCount) {
        return new SessionCell(stream, isp, browser, usage, newBand, newCount);
    }
}
