package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
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
}
