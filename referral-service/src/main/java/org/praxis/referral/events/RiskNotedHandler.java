package org.praxis.referral.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.RiskDrafts;

/** DESIGN flow 3: a concern a coach noted in a session opens an urgent draft referral. */
@ApplicationScoped
public class RiskNotedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.session.risk.noted.v1";

    @Inject
    RiskDrafts riskDrafts;

    public RiskNotedHandler() {
        super("referral-risk-noted", "session.events", TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String concern = RiskEvents.text(p, "riskConcernId", Bounds.NAME);
        String client = RiskEvents.text(p, "clientSubject", Bounds.SUBJECT);
        if (concern == null || client == null) {
            throw new UnprocessableEvent("risk.noted needs riskConcernId and clientSubject");
        }
        riskDrafts.draftForRisk(
                Referral.FROM_RISK_CONCERN,
                concern,
                client,
                RiskEvents.text(p, "practitionerId", Bounds.SUBJECT),
                RiskEvents.text(p, "level", Bounds.CODE),
                null,
                RiskEvents.uuid(p, "engagementId"));
    }
}
