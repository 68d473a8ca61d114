package org.praxis.referral.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.RiskDrafts;

/** DESIGN flow 3: a concern a coach noted in a session opens an urgent draft referral. */
@ApplicationScoped
public class RiskNotedHandler extends SingleTypeHandler<RiskNotedHandler.RiskNoted> {
    public static final String TYPE = "org.praxis.session.risk.noted.v1";

    /** What referral-service reads of session-service's risk.noted. */
    record RiskNoted(
            @JsonProperty(required = true) @Size(max = Bounds.NAME)
            String riskConcernId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String clientSubject,

            @Size(max = Bounds.SUBJECT) String practitionerId,
            @Size(max = Bounds.CODE) String level,
            UUID engagementId) {}

    @Inject
    RiskDrafts riskDrafts;

    public RiskNotedHandler() {
        super("referral-risk-noted", "session.events", TYPE, RiskNoted.class);
    }

    @Override
    protected void handle(IncomingEvent event, RiskNoted p) {
        riskDrafts.draftForRisk(
                Referral.FROM_RISK_CONCERN,
                p.riskConcernId(),
                p.clientSubject(),
                p.practitionerId(),
                p.level(),
                null,
                p.engagementId());
    }
}
