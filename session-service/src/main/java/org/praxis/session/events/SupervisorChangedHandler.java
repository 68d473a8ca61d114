package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.SupervisionRegister;

/** Keeps the supervision register: a supervisor reaches only their supervisees' engagements. */
@ApplicationScoped
public class SupervisorChangedHandler extends SingleTypeHandler<SupervisorChangedHandler.SupervisorChanged> {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    /** What session-service reads of assessment-service's practitioner.supervisor-changed. */
    record SupervisorChanged(@JsonProperty(required = true) String practitionerId, String supervisorId) {}

    @Inject
    SupervisionRegister register;

    public SupervisorChangedHandler() {
        super("session-supervision", "assessment.events", TYPE, SupervisorChanged.class);
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
        register.assign(event.tenantId(), p.practitionerId(), p.supervisorId());
    }
}
