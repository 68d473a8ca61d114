package org.praxis.referral.events;

import java.util.UUID;

import org.praxis.platform.events.UnprocessableEvent;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the ids risk events carry. */
final class RiskEvents {
    private RiskEvents() {
    }

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
}
