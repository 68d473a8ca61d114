package org.praxis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one request function from N threads for a fixed time, two ways:
 * <ul>
 * <li>{@link #closed}: each thread sends its next request when the last one answered. Gives the
 * throughput the service sustains at that concurrency; its latencies are service times only.</li>
 * <li>{@link #paced}: each thread follows a fixed schedule (wrk2-style constant rate) and a request's
 * latency counts from when it was due, not from when it was sent. A stall then shows in every request
 * that should have gone out during it, which is what a user waiting on it sees (coordinated omission
 * handled).</li>
 * </ul>
 */
public final class LoadGenerator {

    /** One request; true if it got the answer it should. */
    @FunctionalInterface
    public interface Request {
        boolean send() throws Exception;
    }

    public record Run(
            String mode,
            int concurrency,
            double seconds,
            long ok,
            long failed,
            double throughput,
            double targetRate,
            Latencies latency) {}

    private LoadGenerator() {}

    public static Run closed(int concurrency, Duration duration, Request request) throws InterruptedException {
        return run("closed", concurrency, duration, 0, request);
    }

    /** {@code ratePerSecond} in total, shared evenly by the threads. */
    public static Run paced(int concurrency, double ratePerSecond, Duration duration, Request request)
            throws InterruptedException {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        return run("paced", concurrency, duration, ratePerSecond, request);
    }

    private static Run run(String mode, int concurrency, Duration duration, double rate, Request request)
            throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + duration.toNanos();
        // Per thread: one request every `interval`, threads staggered over it.
        long interval = rate > 0 ? (long) (1e9 * concurrency / rate) : 0;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long first = start + (rate > 0 ? interval * t / concurrency : 0);
            Thread thread = new Thread(
                    () -> {
                        long due = first;
                        parkUntil(start);
                        while (true) {
                            if (rate > 0) {
                                if (due >= end) {
                                    break;
                                }
                                parkUntil(due);
                            } else if (System.nanoTime() >= end) {
                                break;
                            }
                            long sent = System.nanoTime();
                            boolean good;
                            try {
                                good = request.send();
                            } catch (Exception e) {
                                good = false;
                            }
                            long done = System.nanoTime();
                            long from = rate > 0 ? due : sent;
                            recorder.recordValue(Math.max(1, (done - from) / 1000));
                            (good ? ok : failed).incrementAndGet();
                            due += interval;
                        }
                    },
                    "load-" + mode + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Until the last answer: requests still in flight at the end count, and so does their time.
        double seconds = (Math.max(System.nanoTime(), end) - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        return new Run(
                mode,
                concurrency,
                Latencies.round(seconds),
                ok.get(),
                failed.get(),
                Latencies.round(ok.get() / seconds),
                rate,
                Latencies.of(h));
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
