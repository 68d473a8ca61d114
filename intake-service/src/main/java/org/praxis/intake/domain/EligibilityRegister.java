package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.praxis.platform.persistence.FactReplica;

/**
 * What assessment-service says each practitioner may take on (its eligibility.changed), replicated here
 * to check that a decision for integrated work names a practitioner eligible for it. Until an event names a practitioner, they are eligible for nothing beyond coaching.
 */
@ApplicationScoped
public class EligibilityRegister extends FactReplica {
    public static final String INTEGRATED_PRACTICE = "integrated-practice";

    EligibilityRegister() {
        super("practitioner_eligibility", "practitioner_id", "eligibility");
    }
}
