package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.Engagements;

/** DESIGN flow 1: an intake decided for coaching (or integrated work) becomes a draft engagement. */
@ApplicationScoped
public class IntakeDecidedHandler extends SingleTypeHandler<IntakeDecidedHandler.IntakeDecided> {
    public static final String TYPE = "org.praxis.intake.intake.decided.v1";
    private static final Logger LOG = Logger.getLogger(IntakeDecidedHandler.class);

    /**
     * What session-service reads of intake-service's intake.decided; the same bounds as an engagement opened
     * through the API, so what the API answers stays within its schema.
     */
    record IntakeDecided(
            @JsonProperty(required = true) UUID intakeId,
            @JsonProperty(required = true) String pathway,
            @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId,
            @Size(max = Bounds.NAME) String sponsorOrganisation) {}

    @Inject
    Engagements engagements;

    public IntakeDecidedHandler() {
        super("session-intake-decided", "intake.events", TYPE, IntakeDecided.class);
    }

    @Override
    protected void handle(IncomingEvent event, IntakeDecided p) {
        if (!Engagement.PATHWAYS.contains(p.pathway())) {
            return; // therapy and urgent help are referral-service's to follow, not an engagement.
        }
        if (p.clientSubject() == null || p.practitionerId() == null) {
            LOG.infof(
                    "intake %s decided for %s without a client account or practitioner; no draft engagement",
                    p.intakeId(), p.pathway());
            return;
        }
        engagements.draftFromDecision(
                p.intakeId(), p.clientSubject(), p.practitionerId(), p.pathway(), p.sponsorOrganisation());
    }
}
