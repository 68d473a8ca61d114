package org.praxis.session.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.EligibilityRegister;

/** Keeps session-service's register of who may take integrated work (DESIGN flow 6). */
@ApplicationScoped
public class EligibilityChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    @Inject
    EligibilityRegister register;

    public EligibilityChangedHandler() {
        super("session-eligibility", "assessment.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        var practitioner = event.payload().get("practitionerId");
        var eligibilities = event.payload().get("eligibilities");
        if (practitioner == null || !practitioner.isTextual() || eligibilities == null || !eligibilities.isArray()) {
            throw new UnprocessableEvent("eligibility.changed needs practitionerId and an eligibilities array");
        }
        List<String> codes = new ArrayList<>();
        eligibilities.forEach(e -> codes.add(e.asText()));
        register.replace(event.tenantId(), practitioner.asText(), codes);
    }
}
