package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/** Who supervises which practitioner, as assessment-service last said. Nobody, until it says. */
@ApplicationScoped
public class SupervisionRegister {
    @Inject
    EntityManager em;

    public boolean supervises(String tenantId, String supervisor, String practitioner) {
        Number n = (Number) em.createNativeQuery("select count(*) from practitioner_supervisor"
                        + " where tenant_id = ?1 and practitioner_id = ?2 and supervisor_id = ?3")
                .setParameter(1, tenantId)
                .setParameter(2, practitioner)
                .setParameter(3, supervisor)
                .getSingleResult();
        return n.intValue() > 0;
    }

    /** The practitioners this supervisor supervises. */
    public java.util.List<String> supervisees(String tenantId, String supervisor) {
        return em.createNativeQuery(
                        "select practitioner_id from practitioner_supervisor where tenant_id = ?1 and supervisor_id = ?2",
                        String.class)
                .setParameter(1, tenantId)
                .setParameter(2, supervisor)
                .getResultList();
    }

    public void assign(String tenantId, String practitioner, String supervisor) {
        em.createNativeQuery("delete from practitioner_supervisor where tenant_id = ?1 and practitioner_id = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, practitioner)
                .executeUpdate();
        if (supervisor != null) {
            em.createNativeQuery(
                            "insert into practitioner_supervisor (tenant_id, practitioner_id, supervisor_id, updated_at)"
                                    + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, tenantId)
                    .setParameter(2, practitioner)
                    .setParameter(3, supervisor)
                    .setParameter(4, Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
    }
}
