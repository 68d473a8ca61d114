package org.praxis.session.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.SupervisionRegister;

/** Keeps the supervision register: a supervisor reaches only their supervisees' engagements. */
@ApplicationScoped
public class SupervisorChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    @Inject
    SupervisionRegister register;

    public SupervisorChangedHandler() {
        super("session-supervision", "assessment.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        String practitioner = event.payload().path("practitionerId").asText(null);
        if (practitioner == null || practitioner.isBlank()) {
            throw new UnprocessableEvent("practitioner.supervisor-changed needs practitionerId");
        }
        register.assign(
                event.tenantId(),
                practitioner,
                event.payload().path("supervisorId").asText(null));
    }
}
