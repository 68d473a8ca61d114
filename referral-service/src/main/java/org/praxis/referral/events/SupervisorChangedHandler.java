package org.praxis.referral.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Caseloads;

/** Keeps who supervises whom: a supervisor names the clients and engagements of their supervisees only. */
@ApplicationScoped
public class SupervisorChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    @Inject
    Caseloads caseloads;

    public SupervisorChangedHandler() {
        super("referral-supervision", "assessment.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        String practitioner = RiskEvents.text(event.payload(), "practitionerId", Bounds.SUBJECT);
        if (practitioner == null || practitioner.isBlank()) {
            throw new UnprocessableEvent("practitioner.supervisor-changed needs practitionerId");
        }
        caseloads.assignSupervisor(
                event.tenantId(), practitioner, RiskEvents.text(event.payload(), "supervisorId", Bounds.SUBJECT));
    }
}
