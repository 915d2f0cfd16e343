package qoegraph.generate;

/** Viewers of one browser over {@link PublishedSessions#LARGE_BYTES}, split by P2P use. */
record LargeViewerTarget(String browser, int withP2p, int cdnOnly) {
}
