package org.praxis.referral.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.praxis.platform.events.UnprocessableEvent;

/** Reading the ids and texts events carry, bounded like the API's own inputs. */
final class RiskEvents {
    private RiskEvents() {}

    static UUID uuid(JsonNode payload, String field) {
        String value = payload.path(field).asText(null);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent(field + " is not a UUID", e);
        }
    }

    /**
     * A text field, or null; longer than {@code max} it is dead-lettered, so what the views show
     * stays within the bounds the OpenAPI document declares.
     */
    static String text(JsonNode payload, String field, int max) {
        String value = payload.path(field).asText(null);
        if (value != null && value.length() > max) {
            throw new UnprocessableEvent(field + " is longer than " + max + " characters");
        }
        return value;
    }
}
