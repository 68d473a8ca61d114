package org.praxis.referral.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Caseloads;

/** Keeps who supervises whom: a supervisor names the clients and engagements of their supervisees only. */
@ApplicationScoped
public class SupervisorChangedHandler extends SingleTypeHandler<SupervisorChangedHandler.SupervisorChanged> {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    /** What referral-service reads of assessment-service's practitioner.supervisor-changed. */
    record SupervisorChanged(
            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String practitionerId,

            @Size(max = Bounds.SUBJECT) String supervisorId) {}

    @Inject
    Caseloads caseloads;

    public SupervisorChangedHandler() {
        super("referral-supervision", "assessment.events", TYPE, SupervisorChanged.class);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    protected void handle(IncomingEvent event, SupervisorChanged p) {
        if (p.practitionerId().isBlank()) {
            throw new UnprocessableEvent("practitioner.supervisor-changed needs practitionerId");
        }
        caseloads.assignSupervisor(event.tenantId(), p.practitionerId(), p.supervisorId());
    }
}
