package org.praxis.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the event consumer: a consumer thread that is gone or has not come back from a poll
 * for {@link #STALE} is a pod that applies no events while looking healthy — let the kubelet restart it.
 */
@Liveness
@ApplicationScoped
public class InboxConsumerHealth implements HealthCheck {
    static final Duration STALE = Duration.ofMinutes(3);

    @Inject
    InboxConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("inbox-consumer");
        Instant lastPoll = lastPoll();
        if (!consumer.started()) {
            return health.up().withData("consuming", false).build(); // disabled, or no topics to read
        }
        health.withData("consuming", true);
        if (lastPoll != null) {
            health.withData("lastPoll", lastPoll.toString());
        }
        if (lastFailure() != null) {
            health.withData("lastRecoveredFailure", lastFailure());
        }
        boolean stale = lastPoll != null && lastPoll.isBefore(Instant.now().minus(STALE));
        return health.status(consumer.alive() && !stale).build();
    }

    /** The oldest "last came back from a poll" over the topics (for health); null before the first poll. */
    private Instant lastPoll() {
        Instant oldest = null;
        for (TopicConsumer loop : consumer.loops()) {
            Instant at = loop.lastPoll;
            if (at == null) {
                return null;
            }
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return oldest;
    }

    /** The last client error a topic's consumer recovered from, or null. */
    private String lastFailure() {
        return consumer.loops().stream()
                .map(l -> l.lastFailure)
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
