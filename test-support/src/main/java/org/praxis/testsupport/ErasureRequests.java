package org.praxis.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Asks for a person's erasure as the privacy process does, and waits for a service's confirmation. */
public final class ErasureRequests {
    public static final String TYPE = "org.praxis.privacy.subject.erasure-requested.v1";

    private ErasureRequests() {
    }

    /**
     * Sends {@code subject.erasure-requested} for {@code subject} in {@code tenant} and returns the
     * confirmations keyed by its request id that {@code confirmationTopic} holds within 30 seconds.
     */
    public static List<ConsumerRecord<String, String>> erase(String tenant, String subject, String confirmationTopic) {
        String requestId = "era-" + UUID.randomUUID();
        TopicProbe.send("privacy.events", subject, "{\"subject\":\"" + subject + "\",\"requestId\":\"" + requestId + "\"}",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", TYPE, "ce_source", "/privacy", "ce_tenant", tenant,
                        "ce_time", Instant.now().toString()));
        return TopicProbe.read(confirmationTopic, r -> requestId.equals(r.key()), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
    }
}
