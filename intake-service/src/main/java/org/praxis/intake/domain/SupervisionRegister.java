package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.praxis.platform.persistence.FactReplica;

/**
 * Who supervises which practitioner, replicated from assessment-service's {@code
 * practitioner.supervisor-changed}: one supervisor per practitioner at most. Nobody, until it says.
 */
@ApplicationScoped
public class SupervisionRegister extends FactReplica {
    SupervisionRegister() {
        super("practitioner_supervisor", "practitioner_id", "supervisor_id");
    }

    /** The practitioners {@code supervisor} supervises (none for a caller without a subject). */
    public Set<String> supervisees(String tenantId, String supervisor) {
        return supervisor == null ? Set.of() : Set.copyOf(keysHolding(tenantId, supervisor));
    }
}
