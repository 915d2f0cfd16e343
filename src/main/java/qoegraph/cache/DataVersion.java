package qoegraph.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that grows each time the data a query can see changes: an ingest committed, a rollup rebuilt.
 * Anything derived from query results (the result cache) keys on it, so an answer computed before a change
 * is never served after it, and listeners drop what they hold when it moves.
 */
public final class DataVersion {
    private final AtomicLong version = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The version now; read it before running a query, so a change during the run keys the answer as old. */
    public long current() {
        return version.get();
    }

    /** Records a change, then tells every listener; returns the new version. */
    public long changed() {
        long next = version.incrementAndGet();
        listeners.forEach(Runnable::run);
        return next;
    }

    /** @param listener runs after each change, on the thread that made it */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
