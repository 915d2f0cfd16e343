package qoegraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the bytes one thread reads to another, in large chunks from a fixed pool: the Java pass reads (and
 * decompresses, copies and hashes) on one thread while the scanner counts lines on another, so that on two cores
 * it takes about as long as the slower of the two. One writer, one reader; the reader is an InputStream.
 */
final class ChunkPipe extends InputStream {

    static final int CHUNK = 1 << 18;
    private static final int CHUNKS = 8;
    private static final Chunk END = new Chunk(new byte[0], -1);

    private record Chunk(byte[] bytes, int length) {
    }

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerGone;
    private Chunk current;
    private int position;

    ChunkPipe() {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
    }

    /** A chunk to fill, or null once the reader has stopped (nothing more is wanted). */
    byte[] take() throws InterruptedIOException {
        try {
            byte[] chunk = null;
            while (chunk == null && !readerGone) {
                chunk = free.poll(100, TimeUnit.MILLISECONDS);
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Passes on the first {@code length} bytes of a chunk from {@link #take}. */
    void put(byte[] chunk, int length) {
        full.add(new Chunk(chunk, length));
    }

    /** No more bytes: the reader sees the end of the stream. */
    void end() {
        full.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (current == null || position == current.length()) {
            if (current != null && current != END) {
                free.add(current.bytes());
            }
            current = next();
            position = 0;
        }
        if (current == END) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    private Chunk next() throws InterruptedIOException {
        if (current == END) {
            return END;
        }
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** The reader is done (or failed): a writer waiting for a chunk stops. */
    @Override
    public void close() {
        readerGone = true;
    }
}
