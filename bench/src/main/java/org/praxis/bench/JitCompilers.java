package org.praxis.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The JIT compilers of the processes watched (the services, or benchmark 6's floor): the share of those processes' CPU
 * their C1 and C2 threads used, and a warm-up that goes on until that share is small. On these 2 cores a service's C2 thread still took a fifth of its CPU two minutes into
 * a load at 8 connections: a benchmark measured before that measures the compiler, which a long-running service pays
 * once per start, not per request.
 */
final class JitCompilers {
    /** The warm-up reads the compilers after each slice of this. */
    static final Duration SLICE = Duration.ofSeconds(15);
    /** A warm-up ends once the compilers used less than this share of the services' CPU over a slice. */
    static final double QUIET = 0.05;

    /**
     * How long a warm-up ran, the compilers' share of the services' CPU in its last slice, and the least and most it
     * was allowed, in seconds.
     */
    record WarmUp(double seconds, double compilerShare, long leastSeconds, long mostSeconds) {}

    /** Load for a while (a closed run of the benchmark's requests). */
    @FunctionalInterface
    interface Load {
        void run(Duration duration) throws Exception;
    }

    /** The processes watched, by name: read again at each reading, since a service may have been restarted. */
    @FunctionalInterface
    interface Processes {
        Map<String, Long> pids() throws IOException;
    }

    private final Processes processes;

    /** The stack's running services. */
    JitCompilers(LocalStack stack) {
        this(() -> {
            Map<String, Long> pids = new HashMap<>();
            for (String service : stack.services()) {
                pids.put(service, stack.pid(service));
            }
            return pids;
        });
    }

    JitCompilers(Processes processes) {
        this.processes = processes;
    }

    /**
     * {@code load} in slices for at least {@code least}, then until the compilers are quiet or {@code most} has passed
     * (the last slice cut short to end there).
     */
    WarmUp warmUp(Duration least, Duration most, Load load) throws Exception {
        long started = System.nanoTime();
        Duration elapsed = Duration.ZERO;
        double share;
        do {
            Map<String, Map<Long, ProcessFacts.ThreadCpu>> before = threads();
            Duration left = most.minus(elapsed);
            load.run(left.compareTo(SLICE) < 0 ? left : SLICE);
            share = share(before, threads());
            elapsed = Duration.ofNanos(System.nanoTime() - started);
        } while (elapsed.compareTo(most) < 0 && (elapsed.compareTo(least) < 0 || share >= QUIET));
        return new WarmUp(Math.round(elapsed.toMillis() / 100.0) / 10.0, share, least.toSeconds(), most.toSeconds());
    }

    /** The watched processes' threads and the CPU each used so far. */
    Map<String, Map<Long, ProcessFacts.ThreadCpu>> threads() throws IOException {
        Map<String, Map<Long, ProcessFacts.ThreadCpu>> threads = new HashMap<>();
        for (Map.Entry<String, Long> process : processes.pids().entrySet()) {
            threads.put(process.getKey(), ProcessFacts.threadCpu(process.getValue()));
        }
        return threads;
    }

    /** Share of the watched processes' CPU between two {@link #threads} readings that their JIT compilers used. */
    static double share(
            Map<String, Map<Long, ProcessFacts.ThreadCpu>> before,
            Map<String, Map<Long, ProcessFacts.ThreadCpu>> after) {
        double compilers = 0;
        double all = 0;
        for (Map.Entry<String, Map<Long, ProcessFacts.ThreadCpu>> service : after.entrySet()) {
            Map<String, Double> groups =
                    ProcessFacts.threadCpuSince(before.getOrDefault(service.getKey(), Map.of()), service.getValue());
            for (Map.Entry<String, Double> group : groups.entrySet()) {
                all += group.getValue();
                if (group.getKey().contains("CompilerThre")) { // "C2 CompilerThread0" as Linux keeps it
                    compilers += group.getValue();
                }
            }
        }
        return all > 0 ? compilers / all : 0;
    }
}
