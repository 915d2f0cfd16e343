package qoegraph.http;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * A response body written by a blocking writer on another thread, sent in chunks of {@value #CHUNK} bytes as it is
 * written: the client has the first bytes while the rest is being written, and no whole copy of the body is ever
 * held. The writer runs ahead of the client by one chunk at most: it waits for Micronaut to ask for the next one
 * (Micronaut asks for one chunk, writes it to the connection, then asks for the next). A client that goes away
 * stops the writer at its next chunk.
 */
final class StreamedBody {
    static final int CHUNK = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StreamedBody.class);

    /** Writes a body to a stream; the stream is closed after it. */
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private StreamedBody() {
    }

    /**
     * @param executor   where {@code writer} runs: never the event loop
     * @param afterwards run once the body is written, or has failed or been cancelled (keeping the answer)
     */
    static Publisher<byte[]> of(Writer writer, Executor executor, Runnable afterwards) {
        return Flux.create(sink -> {
            Chunks chunks = new Chunks(sink);
            sink.onRequest(chunks::ask);
            sink.onCancel(chunks::cancel);
            executor.execute(() -> {
                try (chunks) {
                    writer.writeTo(chunks);
                } catch (Cancelled e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // the status and the first bytes are sent: the client sees a cut answer (chunked, no last chunk)
                    LOG.warn("a streamed answer failed after its first bytes", e);
                    sink.error(e);
                    return;
                } finally {
                    afterwards.run();
                }
                sink.complete();
            });
        });
    }

    /** The client went away: the writer stops. */
    private static final class Cancelled extends IOException {
        Cancelled() {
            super("the client went away");
        }
    }

    /** An output stream that hands its bytes to the sink a chunk at a time, each when the sink asks for one. */
    private static final class Chunks extends OutputStream {
        private final FluxSink<byte[]> sink;
        private long asked;   // chunks Micronaut asked for and has not had: guarded by this
        private volatile boolean cancelled;
        private byte[] buffer = new byte[CHUNK];
        private int size;

        Chunks(FluxSink<byte[]> sink) {
            this.sink = sink;
        }

        synchronized void ask(long n) {
            asked = Long.MAX_VALUE - asked < n ? Long.MAX_VALUE : asked + n;
            notifyAll();
        }

        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        private synchronized void awaitTurn() throws Cancelled {
            try {
                while (asked == 0 && !cancelled) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
            if (cancelled) {
                throw new Cancelled();
            }
            asked--;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                send();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (size == buffer.length) {
                    send();
                }
                int n = Math.min(length, buffer.length - size);
                System.arraycopy(bytes, offset, buffer, size, n);
                size += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (size > 0 && !cancelled) {
                send();
            }
        }

        private void send() throws IOException {
            awaitTurn();
            sink.next(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
            buffer = new byte[CHUNK];   // the sent chunk is Micronaut's now
            size = 0;
        }
    }
}
