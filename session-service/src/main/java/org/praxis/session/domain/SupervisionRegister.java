package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.praxis.platform.persistence.FactReplica;

/** Who supervises which practitioner, as assessment-service last said. Nobody, until it says. */
@ApplicationScoped
public class SupervisionRegister extends FactReplica {
    SupervisionRegister() {
        super("practitioner_supervisor", "practitioner_id", "supervisor_id");
    }

    public boolean supervises(String tenantId, String supervisor, String practitioner) {
        return holds(tenantId, practitioner, supervisor);
    }

    /** The practitioners this supervisor supervises. */
    public List<String> supervisees(String tenantId, String supervisor) {
        return keysHolding(tenantId, supervisor);
    }

    /** A practitioner has one supervisor at most; none (null) forgets them. */
    public void assign(String tenantId, String practitioner, String supervisor) {
        replace(tenantId, practitioner, supervisor == null ? List.of() : List.of(supervisor));
    }
}
