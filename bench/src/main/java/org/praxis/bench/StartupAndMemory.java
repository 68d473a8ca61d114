package org.praxis.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 4: each service stopped and started again alone (JVM mode, the local stack's options),
 * the time from its process start to a 200 from /q/health/ready, and its resident memory then.
 * Memory after the warm-up and after benchmark 1 is read by {@link #rss} when the run gets there.
 */
public final class StartupAndMemory {

    public record Startup(String service, List<Double> secondsToReady, double medianSeconds, double idleRssMiB) {}

    private final LocalStack stack;

    public StartupAndMemory(LocalStack stack) {
        this.stack = stack;
    }

    public List<Startup> startups(int restarts) throws Exception {
        List<Startup> result = new ArrayList<>();
        for (String service : stack.services()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < restarts; i++) {
                times.add(stack.restartAndTimeToReady(service));
            }
            Thread.sleep(2000); // let start-up work (Flyway, consumers joining) settle before reading memory
            result.add(new Startup(service, times, median(times), Latencies.round(stack.rssMiB(service))));
        }
        return result;
    }

    /** RSS in MiB of every service now. */
    public Map<String, Double> rss() throws Exception {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String service : stack.services()) {
            rss.put(service, Latencies.round(stack.rssMiB(service)));
        }
        return rss;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Latencies.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }
}
