package org.praxis.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** An event read from Kafka, with its CloudEvents attributes. */
public record IncomingEvent(String id, String type, String source, String tenantId, Instant time,
                            String topic, String key, JsonNode payload) {
}
