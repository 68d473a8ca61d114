package org.praxis.session.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.SubjectRecords;

/** Erases a client's identifying data when the privacy process asks (DESIGN flow 7). */
@ApplicationScoped
public class ErasureRequestedHandler implements EventHandler {
    public static final String TYPE = "org.praxis.privacy.subject.erasure-requested.v1";

    @Inject
    SubjectRecords records;

    @Override
    public String name() {
        return "session-erasure";
    }

    @Override
    public Set<String> topics() {
        return Set.of("privacy.events");
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public void handle(IncomingEvent event) {
        String subject = event.payload().path("subject").asText(null);
        String requestId = event.payload().path("requestId").asText(null);
        if (subject == null || subject.isBlank() || requestId == null) {
            throw new UnprocessableEvent("subject.erasure-requested needs subject and requestId");
        }
        records.erase(subject, requestId);
    }
}
