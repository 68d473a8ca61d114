package org.praxis.platform.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;

/**
 * Hands {@code subject.erasure-requested} from {@code privacy.events} to the service's
 * {@link SubjectErasure}. A service without one does not subscribe.
 */
@ApplicationScoped
public class ErasureRequestedHandler implements EventHandler {
    public static final String TYPE = "org.praxis.privacy.subject.erasure-requested.v1";

    @Inject
    Instance<SubjectErasure> erasure;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    ErasedSubjects erasedSubjects;

    /** What every service reads of {@link ErasureRequested}. */
    record Requested(
            @JsonProperty(required = true) String subject,
            @JsonProperty(required = true) String requestId) {}

    @Override
    public String name() {
        return "subject-erasure";
    }

    @Override
    public Set<String> topics() {
        return erasure.isResolvable() ? Set.of("privacy.events") : Set.of();
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public void handle(IncomingEvent event) {
        Requested requested = event.payloadAs(Requested.class);
        String subject = requested.subject();
        String requestId = requested.requestId();
        if (subject.isBlank() || requestId.isBlank()) {
            throw new UnprocessableEvent("subject.erasure-requested needs subject and requestId");
        }
        // First, so that no event about the person is being applied meanwhile and none re-creates them later.
        erasedSubjects.record(
                event.tenantId(), subject, requestId, event.time() == null ? java.time.Instant.now() : event.time());
        // The platform's tables of every service (audit trail, export requests, outbox, idempotency records)
        // before the service's own: one place for what all four hold alike.
        platformRecords.erase(event.tenantId(), subject, Pseudonyms.of(event.tenantId(), subject));
        erasure.get().erase(subject, requestId);
    }
}
