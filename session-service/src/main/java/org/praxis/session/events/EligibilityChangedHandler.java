package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.session.domain.EligibilityRegister;

/** Keeps session-service's register of who may take integrated work (DESIGN flow 6). */
@ApplicationScoped
public class EligibilityChangedHandler extends SingleTypeHandler<EligibilityChangedHandler.EligibilityChanged> {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    /** What session-service reads of assessment-service's eligibility.changed: the practitioner's full current set. */
    record EligibilityChanged(
            @JsonProperty(required = true) String practitionerId,
            @JsonProperty(required = true) List<String> eligibilities) {}

    @Inject
    EligibilityRegister register;

    public EligibilityChangedHandler() {
        super("session-eligibility", "assessment.events", TYPE, EligibilityChanged.class);
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
