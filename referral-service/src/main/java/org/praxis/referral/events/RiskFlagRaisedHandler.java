package org.praxis.referral.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.Referrals;

import com.fasterxml.jackson.databind.JsonNode;

/** DESIGN flow 2: a risk flag raised at intake opens an urgent draft referral for the supervisors' queue. */
@ApplicationScoped
public class RiskFlagRaisedHandler implements EventHandler {
    public static final String TYPE = "org.praxis.intake.risk-flag.raised.v1";

    @Inject
    Referrals referrals;

    @Override
    public String name() {
        return "referral-risk-flag-raised";
    }

    @Override
    public Set<String> topics() {
        return Set.of("intake.events");
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode p = event.payload();
        String flag = p.path("riskFlagId").asText(null);
        String client = p.path("clientSubject").asText(null);
        if (flag == null || client == null) {
            // Without a person to refer there is nothing to draft; intake's own queue still shows the flag.
            throw new UnprocessableEvent("risk-flag.raised needs riskFlagId and clientSubject");
        }
        referrals.draftForRisk(Referral.FROM_RISK_FLAG, flag, client, p.path("assignedCoach").asText(null),
                p.path("level").asText(null), RiskEvents.uuid(p, "intakeId"), null);
    }
}
