package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * session-service's copy of what assessment-service says practitioners may take on (services share
 * no database). Until an eligibility.changed names a practitioner, they may take no integrated work.
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
