package org.praxis.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of one measured run, in milliseconds, as they go into the results and the report. */
public record Latencies(long count, double p50, double p95, double p99, double max, double mean) {

    /** Histograms record microseconds: 1 µs to 10 minutes at 3 significant digits. */
    public static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    public static Latencies of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Latencies(0, 0, 0, 0, 0, 0);
        }
        return new Latencies(
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()),
                round(h.getMean() / 1000.0));
    }

    /** Microseconds as the results show milliseconds. */
    static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
