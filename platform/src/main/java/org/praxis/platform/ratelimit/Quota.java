package org.praxis.platform.ratelimit;

import java.time.Duration;

/**
 * One budget: {@code limit} calls per {@code window}, refilled steadily (a token bucket whose capacity is
 * the limit). {@code name} is the policy's name in the RateLimit headers.
 */
public record Quota(String name, long limit, Duration window) {

    /** The policy item of {@code RateLimit-Policy}, e.g. {@code "client";q=1000;w=60}. */
    String policy() {
        return "\"" + name + "\";q=" + limit + ";w=" + window.toSeconds();
    }

    /** The item of {@code RateLimit}: what is left and the seconds until the budget is full again. */
    String remaining(long left, long nanosToFull) {
        return "\"" + name + "\";r=" + left + ";t=" + seconds(nanosToFull);
    }

    /** Whole seconds, rounded up: a client waiting that long is never early. */
    static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
