package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * What assessment-service says each practitioner may take on. Until an {@code eligibility.changed}
 * event names a practitioner, they are eligible for nothing beyond coaching.
 */
@ApplicationScoped
public class EligibilityRegister {
    public static final String INTEGRATED_PRACTICE = "integrated-practice";

    @Inject
    EntityManager em;

    public boolean isEligible(String tenantId, String practitionerId, String eligibility) {
        Number n = (Number) em.createNativeQuery("select count(*) from practitioner_eligibility"
                        + " where tenant_id = ?1 and practitioner_id = ?2 and eligibility = ?3")
                .setParameter(1, tenantId)
                .setParameter(2, practitionerId)
                .setParameter(3, eligibility)
                .getSingleResult();
        return n.intValue() > 0;
    }

    /** Replaces the practitioner's eligibilities with the ones the event lists. */
    public void replace(String tenantId, String practitionerId, Collection<String> eligibilities) {
        em.createNativeQuery("delete from practitioner_eligibility where tenant_id = ?1 and practitioner_id = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, practitionerId)
                .executeUpdate();
        for (String eligibility : eligibilities) {
            em.createNativeQuery(
                            "insert into practitioner_eligibility (tenant_id, practitioner_id, eligibility, updated_at)"
                                    + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, tenantId)
                    .setParameter(2, practitionerId)
                    .setParameter(3, eligibility)
                    .setParameter(4, Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
    }
}
