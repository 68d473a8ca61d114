package org.praxis.session.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.Engagements;
import org.praxis.session.domain.access.ReferralEventPolicy;

/** DESIGN flow 4: a referral made from an engagement pauses, accompanies or resumes it. */
@ApplicationScoped
public class ReferralStatusChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.referral.referral.status-changed.v1";

    @Inject
    Engagements engagements;
    /** Refuse events that do not say whose referral it is (referral-service publishes it; off only for an older one). */
    @ConfigProperty(name = "praxis.session.referral-events.require-provenance", defaultValue = "true")
    boolean requireProvenance;

    public ReferralStatusChangedHandler() {
        super("session-referral-status", "referral.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        String engagement = event.payload().path("engagementId").asText(null);
        String referral = event.payload().path("referralId").asText(null);
        String status = event.payload().path("status").asText(null);
        if (referral == null || status == null) {
            throw new UnprocessableEvent("referral.status-changed needs referralId and status");
        }
        if (engagement == null) {
            return; // a referral made from an intake, not from an engagement
        }
        try {
            engagements.applyReferral(
                    UUID.fromString(engagement),
                    UUID.fromString(referral),
                    status,
                    new ReferralEventPolicy.Provenance(
                            text(event, "clientSubject"),
                            text(event, "practitionerId"),
                            text(event, "createdBy"),
                            text(event, "origin")),
                    requireProvenance);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("engagementId or referralId is not a UUID", e);
        }
    }

    private static String text(IncomingEvent event, String field) {
        var node = event.payload().path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
