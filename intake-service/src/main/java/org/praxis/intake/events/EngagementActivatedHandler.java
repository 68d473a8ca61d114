package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.intake.domain.Intakes;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;

/**
 * An engagement going on from an intake became active for the first time: the intake follows its practitioner.
 * After therapy the client may start coaching with another coach; the coach who referred then reads none of
 * what follows.
 */
@ApplicationScoped
public class EngagementActivatedHandler extends SingleTypeHandler<EngagementActivatedHandler.Activated> {
    static final String ACTIVE = "active";
    static final String DRAFT = "draft";

    /**
     * What intake-service reads of session-service's engagement.status-changed when it moves to active. The
     * schema may leave the intake, client and practitioner out; {@link #concerns} takes only events naming all.
     */
    record Activated(
            @JsonProperty(required = true) UUID engagementId,
            UUID sourceIntakeId,
            @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId) {}

    @Inject
    Intakes intakes;

    public EngagementActivatedHandler() {
        super("intake-engagement-activated", "session.events", EngagementClosedHandler.TYPE, Activated.class);
    }

    /**
     * Only an engagement's first move to active (from draft), from an intake, naming its client and practitioner,
     * counts here. A resume after a pause moves nothing: an earlier engagement resumed would otherwise take the
     * intake back from the coach after therapy, and a replayed event undo a later handover.
     */
    @Override
    public boolean concerns(IncomingEvent event) {
        JsonNode p = event.payload();
        return ACTIVE.equals(p.path("status").asText(null))
                && DRAFT.equals(p.path("previousStatus").asText(null))
                && p.path("sourceIntakeId").isTextual()
                && p.path("clientSubject").isTextual()
                && p.path("practitionerId").isTextual();
    }

    @Override
    protected void handle(IncomingEvent event, Activated p) {
        intakes.followEngagement(p.sourceIntakeId(), p.clientSubject(), p.practitionerId());
    }
}
