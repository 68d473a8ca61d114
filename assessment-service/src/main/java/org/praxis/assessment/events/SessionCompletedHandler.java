package org.praxis.assessment.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.praxis.assessment.domain.PractiseRecords;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;

/** DESIGN flow 5: a held session adds its minutes to the practitioner's practice hours. */
@ApplicationScoped
public class SessionCompletedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.session.session.completed.v1";

    @Inject
    PractiseRecords records;

    public SessionCompletedHandler() {
        super("assessment-session-completed", "session.events", TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String session = p.path("sessionId").asText(null);
        String practitioner = p.path("practitionerId").asText(null);
        int minutes = p.path("durationMinutes").asInt(0);
        if (session == null || practitioner == null || minutes <= 0 || minutes > PractiseRecords.MAX_SESSION_MINUTES) {
            throw new UnprocessableEvent(
                    "session.completed needs sessionId, practitionerId and a durationMinutes of 1 to "
                            + PractiseRecords.MAX_SESSION_MINUTES);
        }
        try {
            String at = p.path("completedAt").asText(null);
            records.practiceFromSession(
                    UUID.fromString(session), practitioner, minutes, at == null ? event.time() : Instant.parse(at));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnprocessableEvent("session.completed carries a malformed sessionId or completedAt", e);
        }
    }
}
