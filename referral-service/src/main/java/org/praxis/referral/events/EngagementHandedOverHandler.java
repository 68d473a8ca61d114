package org.praxis.referral.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Caseloads;

/**
 * Issue 22: session-service handed an engagement to another coach; the engagement referral-service knows
 * names the new coach, so the old one can no longer name it in a referral and the new one can, and the
 * engagement's referrals the old coach followed move to the new one.
 */
@ApplicationScoped
public class EngagementHandedOverHandler extends SingleTypeHandler<EngagementHandedOverHandler.HandedOver> {
    public static final String TYPE = "org.praxis.session.engagement.handed-over.v1";

    /** What referral-service reads of session-service's engagement.handed-over. */
    record HandedOver(
            @JsonProperty(required = true) UUID engagementId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String fromPractitionerId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String toPractitionerId,

            UUID sourceIntakeId) {}

    @Inject
    Caseloads caseloads;

    public EngagementHandedOverHandler() {
        super("referral-engagement-handed-over", "session.events", TYPE, HandedOver.class);
    }

    @Override
    protected void handle(IncomingEvent event, HandedOver p) {
        caseloads.handOver(
                event.tenantId(), p.engagementId(), p.sourceIntakeId(), p.fromPractitionerId(), p.toPractitionerId());
    }
}
