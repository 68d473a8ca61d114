package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.praxis.platform.persistence.FactReplica;

/**
 * What assessment-service says each practitioner may take on (its eligibility.changed), replicated here
 * to check that an engagement for integrated work opened through the API has a practitioner eligible for it (one from intake.decided was checked by intake-service). Until an event names a practitioner, they are eligible for nothing beyond coaching.
 */
@ApplicationScoped
public class EligibilityRegister extends FactReplica {
    public static final String INTEGRATED_PRACTICE = "integrated-practice";

    EligibilityRegister() {
        super("practitioner_eligibility", "practitioner_id", "eligibility");
    }
}
