package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.praxis.intake.domain.EligibilityRegister;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;

/** Keeps the register of who may take integrated work, from assessment-service's eligibility.changed. */
@ApplicationScoped
public class EligibilityChangedHandler extends SingleTypeHandler<EligibilityChangedHandler.EligibilityChanged> {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    /** What intake-service reads of assessment-service's eligibility.changed: the practitioner's full current set. */
    record EligibilityChanged(
            @JsonProperty(required = true) String practitionerId,
            @JsonProperty(required = true) List<String> eligibilities) {}

    @Inject
    EligibilityRegister register;

    public EligibilityChangedHandler() {
        super("intake-eligibility", "assessment.events", TYPE, EligibilityChanged.class);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    protected void handle(IncomingEvent event, EligibilityChanged p) {
        register.replace(event.tenantId(), p.practitionerId(), p.eligibilities());
    }
}
