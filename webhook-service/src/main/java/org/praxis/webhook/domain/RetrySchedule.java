package org.praxis.webhook.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the configured pauses in turn ({@link WebhookConfig#retrySchedule()}), each
 * stretched by up to 10% at random so that the deliveries of one outage do not all come back at the same second.
 */
public final class RetrySchedule {
    private final List<Duration> pauses;

    public RetrySchedule(List<Duration> pauses) {
        this.pauses = List.copyOf(pauses);
    }

    /** The pause before the next try after {@code attempts} failed ones; empty when the schedule is spent. */
    public Optional<Duration> pauseAfter(int attempts) {
        if (attempts < 1 || attempts > pauses.size()) {
            return Optional.empty();
        }
        Duration pause = pauses.get(attempts - 1);
        long jitter =
                (long) (pause.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble());
        return Optional.of(pause.plusMillis(jitter));
    }

    /** Every try of a round: the first and one per pause. */
    public int attempts() {
        return pauses.size() + 1;
    }
}
