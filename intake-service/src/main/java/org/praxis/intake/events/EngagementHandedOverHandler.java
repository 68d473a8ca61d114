package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.intake.domain.Intakes;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;

/** Issue 22: session-service handed an engagement to another coach; its intake's coach follows. */
@ApplicationScoped
public class EngagementHandedOverHandler extends SingleTypeHandler<EngagementHandedOverHandler.HandedOver> {
    public static final String TYPE = "org.praxis.session.engagement.handed-over.v1";

    /** What intake-service reads of session-service's engagement.handed-over (an engagement from no intake: null). */
    record HandedOver(
            @JsonProperty(required = true) UUID engagementId,
            UUID sourceIntakeId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String fromPractitionerId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String toPractitionerId) {}

    @Inject
    Intakes intakes;

    public EngagementHandedOverHandler() {
        super("intake-engagement-handed-over", "session.events", TYPE, HandedOver.class);
    }

    @Override
    protected void handle(IncomingEvent event, HandedOver p) {
        if (p.sourceIntakeId() != null) {
            intakes.followHandover(p.sourceIntakeId(), p.fromPractitionerId(), p.toPractitionerId());
        }
    }
}
