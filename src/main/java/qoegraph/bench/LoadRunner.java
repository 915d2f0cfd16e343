package qoegraph.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads each send the next request of the mix as soon as their previous
 * answer is in, until the time is up. Every answer that is not clean counts as an error.
 */
final class LoadRunner {
    private static final int ERRORS_KEPT = 5;

    private LoadRunner() {
    }

    /** A request of the mix. */
    record Request(String name, String query, Map<String, Object> variables) {
    }

    /** @param firstErrors the first few problems, to show what went wrong */
    record Result(int clients, long requests, long errors, Latencies latencies, double seconds, List<String> firstErrors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    static Result run(GraphQLClient client, int clients, Duration duration, List<Request> mix) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<List<Long>> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            List<Long> nanos = new ArrayList<>();
            perClient.add(nanos);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        Request request = mix.get((int) (next.getAndIncrement() % mix.size()));
                        GraphQLClient.Reply reply = client.post(request.query(), request.variables());
                        nanos.add(reply.nanos());
                        if (!reply.clean()) {
                            errors.incrementAndGet();
                            if (problems.size() < ERRORS_KEPT) {
                                problems.add(request.name() + ": " + reply.problem());
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Result(clients, all.size(), errors.get(), Latencies.of(all), seconds, List.copyOf(problems));
    }
}
