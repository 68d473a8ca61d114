package org.praxis.session.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.session.domain.EligibilityRegister;

/** Keeps session-service's register of who may take integrated work (DESIGN flow 6). */
@ApplicationScoped
public class EligibilityChangedHandler implements EventHandler {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    @Inject
    EligibilityRegister register;

    @Override
    public String name() {
        return "session-eligibility";
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
