package org.praxis.referral.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.Referrals;

import com.fasterxml.jackson.databind.JsonNode;

/** DESIGN flow 3: a concern a coach noted in a session opens an urgent draft referral. */
@ApplicationScoped
public class RiskNotedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.session.risk.noted.v1";

    @Inject
    Referrals referrals;

    public RiskNotedHandler() {
        super("referral-risk-noted", "session.events", TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String concern = p.path("riskConcernId").asText(null);
        String client = p.path("clientSubject").asText(null);
        if (concern == null || client == null) {
            throw new UnprocessableEvent("risk.noted needs riskConcernId and clientSubject");
        }
        referrals.draftForRisk(Referral.FROM_RISK_CONCERN, concern, client, p.path("practitionerId").asText(null),
                p.path("level").asText(null), null, RiskEvents.uuid(p, "engagementId"));
    }
}
