package org.praxis.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An event read from Kafka, with its CloudEvents attributes. {@code sequence} (header {@code ce_sequence})
 * increases with each event of the publishing service, so a handler that replaces state can ignore an
 * event older than the one it applied last; null for records without it.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String tenantId,
        Instant time,
        String topic,
        String key,
        JsonNode payload,
        Long sequence) {

    /**
     * The payload as {@code type}, a record of the consuming service naming the fields it reads; {@link
     * UnprocessableEvent} when a required one is missing or a field has the wrong type ({@link PayloadReader}).
     */
    public <T extends Record> T payloadAs(Class<T> type) {
        return PayloadReader.read(this.type, payload, type);
    }

    /**
     * The event a record carries; {@link UnprocessableEvent} when its CloudEvents headers are missing or
     * malformed, its payload is not a JSON object, or its {@code ce_source} is not {@code owner}, the one
     * publisher of its topic.
     */
    static IncomingEvent read(ConsumerRecord<String, String> record, String owner, ObjectMapper json) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        String tenant = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TENANT);
        if (id == null || type == null || tenant == null) {
            throw new UnprocessableEvent("missing ce_id, ce_type or ce_tenant header");
        }
        String source = CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE);
        if (!owner.equals(source)) {
            // A service's Kafka user may write only its own topic; this catches what ACLs cannot see.
            throw new UnprocessableEvent("ce_source " + EventSources.shown(source) + " is not " + owner
                    + ", the only publisher of " + record.topic());
        }
        try {
            UUID.fromString(id);
            String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
            JsonNode payload = json.readTree(record.value() == null ? "" : record.value());
            if (payload == null || !payload.isObject()) {
                throw new UnprocessableEvent("payload is not a JSON object");
            }
            String sequence = CloudEventHeaders.get(record.headers(), CloudEventHeaders.SEQUENCE);
            return new IncomingEvent(
                    id,
                    type,
                    source,
                    tenant,
                    time == null ? null : Instant.parse(time),
                    record.topic(),
                    record.key(),
                    payload,
                    sequence == null ? null : Long.valueOf(sequence));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnprocessableEvent("malformed event: " + e.getMessage(), e);
        }
    }
}
