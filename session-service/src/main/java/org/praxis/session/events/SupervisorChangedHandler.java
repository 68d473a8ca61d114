package org.praxis.session.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.SupervisionRegister;

/** Keeps the supervision register: a supervisor reaches only their supervisees' engagements. */
@ApplicationScoped
public class SupervisorChangedHandler implements EventHandler {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    @Inject
    SupervisionRegister register;

    @Override
    public String name() {
        return "session-supervision";
    }

    @Override
    public Set<String> topics() {
        return Set.of("assessment.events");
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public void handle(IncomingEvent event) {
        String practitioner = event.payload().path("practitionerId").asText(null);
        if (practitioner == null || practitioner.isBlank()) {
            throw new UnprocessableEvent("practitioner.supervisor-changed needs practitionerId");
        }
        register.assign(event.tenantId(), practitioner, event.payload().path("supervisorId").asText(null));
    }
}
