package org.praxis.intake.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.praxis.intake.domain.EligibilityRegister;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;

/** Keeps the register of who may take integrated work, from assessment-service's eligibility.changed. */
@ApplicationScoped
public class EligibilityChangedHandler extends SingleTypeHandler {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    @Inject
    EligibilityRegister register;

    public EligibilityChangedHandler() {
        super("intake-eligibility", "assessment.events", TYPE);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode practitioner = event.payload().get("practitionerId");
        JsonNode eligibilities = event.payload().get("eligibilities");
        if (practitioner == null || !practitioner.isTextual() || eligibilities == null || !eligibilities.isArray()) {
            throw new UnprocessableEvent("eligibility.changed needs practitionerId and an eligibilities array");
        }
        List<String> codes = new ArrayList<>();
        eligibilities.forEach(e -> codes.add(e.asText()));
        register.replace(event.tenantId(), practitioner.asText(), codes);
    }
}
