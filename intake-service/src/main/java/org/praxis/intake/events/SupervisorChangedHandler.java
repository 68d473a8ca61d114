package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.praxis.intake.domain.SupervisionRegister;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;

/** Keeps who supervises whom: a supervisor reaches the intakes of their supervisees (and the unassigned ones). */
@ApplicationScoped
public class SupervisorChangedHandler extends SingleTypeHandler<SupervisorChangedHandler.SupervisorChanged> {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    /** What intake-service reads of assessment-service's practitioner.supervisor-changed. */
    record SupervisorChanged(
            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String practitionerId,

            @Size(max = Bounds.SUBJECT) String supervisorId) {}

    @Inject
    SupervisionRegister supervision;

    public SupervisorChangedHandler() {
        super("intake-supervision", "assessment.events", TYPE, SupervisorChanged.class);
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
        supervision.replace(
                event.tenantId(), p.practitionerId(), p.supervisorId() == null ? List.of() : List.of(p.supervisorId()));
    }
}
