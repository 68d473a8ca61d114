package org.praxis.assessment.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.praxis.assessment.domain.PractiseRecords;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;

/** DESIGN flow 5: a held session adds its minutes to the practitioner's practice hours. */
@ApplicationScoped
public class SessionCompletedHandler extends SingleTypeHandler<SessionCompletedHandler.SessionCompleted> {
    public static final String TYPE = "org.praxis.session.session.completed.v1";

    /** What assessment-service reads of session-service's session.completed. */
    record SessionCompleted(
            @JsonProperty(required = true) UUID sessionId,
            @JsonProperty(required = true) String practitionerId,
            int durationMinutes,
            Instant completedAt) {}

    @Inject
    PractiseRecords records;

    public SessionCompletedHandler() {
        super("assessment-session-completed", "session.events", TYPE, SessionCompleted.class);
    }

    @Override
    protected void handle(IncomingEvent event, SessionCompleted p) {
        if (p.durationMinutes() <= 0 || p.durationMinutes() > PractiseRecords.MAX_SESSION_MINUTES) {
            throw new UnprocessableEvent(
                    "session.completed needs a durationMinutes of 1 to " + PractiseRecords.MAX_SESSION_MINUTES);
        }
        records.practiceFromSession(
                p.sessionId(),
                p.practitionerId(),
                p.durationMinutes(),
                p.completedAt() == null ? event.time() : p.completedAt());
    }
}
