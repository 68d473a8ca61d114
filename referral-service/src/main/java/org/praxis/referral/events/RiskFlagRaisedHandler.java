package org.praxis.referral.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.RiskDrafts;

/** DESIGN flow 2: a risk flag raised at intake opens an urgent draft referral for the supervisors' queue. */
@ApplicationScoped
public class RiskFlagRaisedHandler extends SingleTypeHandler<RiskFlagRaisedHandler.RiskFlagRaised> {
    public static final String TYPE = "org.praxis.intake.risk-flag.raised.v1";

    /** What referral-service reads of intake-service's risk-flag.raised. */
    record RiskFlagRaised(
            @JsonProperty(required = true) @Size(max = Bounds.NAME)
            String riskFlagId,

            @Size(max = Bounds.SUBJECT) String clientSubject,
            UUID intakeId,
            @Size(max = Bounds.SUBJECT) String assignedCoach,
            @Size(max = Bounds.CODE) String level) {}

    @Inject
    RiskDrafts riskDrafts;

    public RiskFlagRaisedHandler() {
        super("referral-risk-flag-raised", "intake.events", TYPE, RiskFlagRaised.class);
    }

    @Override
    protected void handle(IncomingEvent event, RiskFlagRaised p) {
        if (p.clientSubject() == null && p.intakeId() == null) {
            throw new UnprocessableEvent("risk-flag.raised needs a person: clientSubject or intakeId");
        }
        // Issue 16, hole 7: a person who has no account yet is known by their intake until they have one.
        riskDrafts.identify(p.intakeId(), p.clientSubject());
        riskDrafts.draftForRisk(
                Referral.FROM_RISK_FLAG,
                p.riskFlagId(),
                p.clientSubject(),
                p.assignedCoach(),
                p.level(),
                p.intakeId(),
                null);
    }
}
