package org.praxis.platform.privacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.praxis.platform.events.OutgoingEvent;

/**
 * {@code subject.erasure-requested}, the erasure coordinator's request to every service, on {@code
 * privacy.events}; keyed by the person's pseudonym, so one person's requests stay in order without their id
 * in the record key.
 */
public record ErasureRequested(
        String subject, String requestId, @JsonIgnore String pseudonym) implements OutgoingEvent {
    public static final String TYPE_PREFIX = "org.praxis.privacy";

    @Override
    public String type() {
        return "subject.erasure-requested.v1";
    }

    @Override
    public Object aggregateId() {
        return pseudonym;
    }
}
