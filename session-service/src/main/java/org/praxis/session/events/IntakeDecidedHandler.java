package org.praxis.session.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.Engagements;

/** DESIGN flow 1: an intake decided for coaching (or integrated work) becomes a draft engagement. */
@ApplicationScoped
public class IntakeDecidedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.intake.intake.decided.v1";
    private static final Set<String> COACHING_PATHWAYS = Set.of("coaching", "coaching-with-monitoring", "integrated");
    private static final Logger LOG = Logger.getLogger(IntakeDecidedHandler.class);

    @Inject
    Engagements engagements;

    public IntakeDecidedHandler() {
        super("session-intake-decided", "intake.events", TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String pathway = p.path("pathway").asText(null);
        String intakeId = p.path("intakeId").asText(null);
        if (pathway == null || intakeId == null) {
            throw new UnprocessableEvent("intake.decided needs intakeId and pathway");
        }
        if (!COACHING_PATHWAYS.contains(pathway)) {
            return; // therapy and urgent help are referral-service's to follow, not an engagement.
        }
        String client = p.path("clientSubject").asText(null);
        String practitioner = p.path("practitionerId").asText(null);
        if (client == null || practitioner == null) {
            LOG.infof(
                    "intake %s decided for %s without a client account or practitioner; no draft engagement",
                    intakeId, pathway);
            return;
        }
        String sponsor = p.path("sponsorOrganisation").asText(null);
        // The same bounds as an engagement opened through the API, so what the API answers stays within its schema.
        if (client.length() > Bounds.SUBJECT
                || practitioner.length() > Bounds.SUBJECT
                || sponsor != null && sponsor.length() > Bounds.NAME) {
            throw new UnprocessableEvent(
                    "intake.decided names a client, practitioner or sponsor longer than an engagement holds");
        }
        try {
            engagements.draftFromDecision(UUID.fromString(intakeId), client, practitioner, pathway, sponsor);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("intakeId is not a UUID", e);
        }
    }
}
