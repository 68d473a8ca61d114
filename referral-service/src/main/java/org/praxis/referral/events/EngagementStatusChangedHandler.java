package org.praxis.referral.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Caseloads;

/** Keeps the engagements referral-service knows of: a practitioner names only their own (issue 16, hole 3). */
@ApplicationScoped
public class EngagementStatusChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.session.engagement.status-changed.v1";

    @Inject
    Caseloads caseloads;

    public EngagementStatusChangedHandler() {
        super("referral-engagements", "session.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID engagement = RiskEvents.uuid(p, "engagementId");
        String status = RiskEvents.text(p, "status", Bounds.CODE);
        if (engagement == null || status == null) {
            throw new UnprocessableEvent("engagement.status-changed needs engagementId and status");
        }
        caseloads.recordEngagement(
                event.tenantId(),
                engagement,
                RiskEvents.text(p, "clientSubject", Bounds.SUBJECT),
                RiskEvents.text(p, "practitionerId", Bounds.SUBJECT),
                status);
    }
}
