package org.praxis.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event read from Kafka, with its CloudEvents attributes. {@code sequence} (header {@code ce_sequence})
 * increases with each event of the publishing service, so a handler that replaces state can ignore an
 * event older than the one it applied last; null for records without it.
 */
public record IncomingEvent(String id, String type, String source, String tenantId, Instant time,
                            String topic, String key, JsonNode payload, Long sequence) {
}
