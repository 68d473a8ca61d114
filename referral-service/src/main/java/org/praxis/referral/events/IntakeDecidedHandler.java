package org.praxis.referral.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.RiskDrafts;

/**
 * Issue 16, hole 7: a risk draft for a person without an account names their intake; once the
 * intake is decided for a known client, the drafts of that intake name the client too. Issue 22: an
 * intake decided {@code therapy} opens a draft referral for the decision's practitioner.
 */
@ApplicationScoped
public class IntakeDecidedHandler extends SingleTypeHandler<IntakeDecidedHandler.IntakeDecided> {
    public static final String TYPE = "org.praxis.intake.intake.decided.v1";

    /** What referral-service reads of intake-service's intake.decided. */
    record IntakeDecided(
            UUID intakeId,
            @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.CODE) String pathway,
            @Size(max = Bounds.SUBJECT) String practitionerId) {}

    static final String THERAPY = "therapy";

    @Inject
    RiskDrafts riskDrafts;

    public IntakeDecidedHandler() {
        super("referral-intake-decided", "intake.events", TYPE, IntakeDecided.class);
    }

    @Override
    protected void handle(IncomingEvent event, IntakeDecided p) {
        riskDrafts.identify(p.intakeId(), p.clientSubject());
        if (THERAPY.equals(p.pathway()) && p.intakeId() != null) {
            riskDrafts.draftForTherapyDecision(p.intakeId(), p.clientSubject(), p.practitionerId());
        }
    }
}
