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
 * intake-service gave an intake another coach (a supervisor's assignment, a claim): the referrals drafted from
 * the intake that no engagement carries, such as a risk flag's urgent draft, follow the new coach, so the coach
 * who no longer coaches the client stops reading them and the new one can act on them. The intake following a
 * handover counts too: the handover's own event (session.events) moves the drafts that exist when it is read, but
 * a risk flag intake-service raised before it followed the handover names the old coach and may be read after it.
 */
@ApplicationScoped
public class IntakeCoachAssignedHandler extends SingleTypeHandler<IntakeCoachAssignedHandler.CoachAssigned> {
    public static final String TYPE = "org.praxis.intake.intake.coach-assigned.v1";

    /** What referral-service reads of intake-service's intake.coach-assigned. */
    record CoachAssigned(
            @JsonProperty(required = true) UUID intakeId,
            @Size(max = Bounds.SUBJECT) String fromPractitionerId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String toPractitionerId) {}

    @Inject
    Caseloads caseloads;

    public IntakeCoachAssignedHandler() {
        super("referral-intake-coach-assigned", "intake.events", TYPE, CoachAssigned.class);
    }

    /** An older assignment read after a newer one (a replay) would move the drafts to a coach who left. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    protected void handle(IncomingEvent event, CoachAssigned p) {
        caseloads.followIntakeCoach(event.tenantId(), p.intakeId(), p.fromPractitionerId(), p.toPractitionerId());
    }
}
