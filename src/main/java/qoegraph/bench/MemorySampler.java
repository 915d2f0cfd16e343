package qoegraph.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a server's used heap (from /prometheus) and, for a local process, its resident memory, every half
 * second while a load runs; keeps the highest and the last of each (constant memory however long the run).
 */
final class MemorySampler implements AutoCloseable {
    private final GraphQLClient client;
    private final long pid;
    private final AtomicLong maxHeap = new AtomicLong(-1);
    private final AtomicLong lastHeap = new AtomicLong(-1);
    private final AtomicLong maxRss = new AtomicLong(-1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-sampler");
        t.setDaemon(true);
        return t;
    });

    /** @param pid the server's process id, or -1 when it runs elsewhere (no resident memory then) */
    MemorySampler(GraphQLClient client, long pid) {
        this.client = client;
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** @param heapMaxBytes the highest used heap seen, -1 when unknown; likewise the others */
    record Memory(long heapMaxBytes, long heapLastBytes, long rssMaxBytes) {
    }

    private void sample() {
        long heap = client.heapUsed();
        lastHeap.set(heap);
        maxHeap.accumulateAndGet(heap, Math::max);
        if (pid > 0) {
            maxRss.accumulateAndGet(Rss.of(pid), Math::max);
        }
    }

    Memory memory() {
        return new Memory(maxHeap.get(), lastHeap.get(), maxRss.get());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(15, TimeUnit.SECONDS);
        sample();
    }
}
