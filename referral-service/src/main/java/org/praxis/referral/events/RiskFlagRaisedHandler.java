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

/** DESIGN flow 2: a risk flag raised at intake opens an urgent draft referral for the supervisors' queue. */
@ApplicationScoped
public class RiskFlagRaisedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.intake.risk-flag.raised.v1";

    @Inject
    RiskDrafts riskDrafts;

    public RiskFlagRaisedHandler() {
        super("referral-risk-flag-raised", "intake.events", TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String flag = RiskEvents.text(p, "riskFlagId", Bounds.NAME);
        String client = RiskEvents.text(p, "clientSubject", Bounds.SUBJECT);
        java.util.UUID intake = RiskEvents.uuid(p, "intakeId");
        if (flag == null || client == null && intake == null) {
            throw new UnprocessableEvent("risk-flag.raised needs riskFlagId and a person: clientSubject or intakeId");
        }
        // Issue 16, hole 7: a person who has no account yet is known by their intake until they have one.
        riskDrafts.identify(intake, client);
        riskDrafts.draftForRisk(
                Referral.FROM_RISK_FLAG,
                flag,
                client,
                RiskEvents.text(p, "assignedCoach", Bounds.SUBJECT),
                RiskEvents.text(p, "level", Bounds.CODE),
                intake,
                null);
    }
}
