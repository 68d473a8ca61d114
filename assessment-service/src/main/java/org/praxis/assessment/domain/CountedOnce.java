package org.praxis.assessment.domain;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * What an aggregate of another service's events remembers so that each source counts once, whatever event id
 * it arrives under (the inbox already drops a redelivered event id): a table of (tenant_id, &lt;source&gt;) ids.
 */
record CountedOnce(String table, String idColumn) {
    /** Claims {@code id} for the tenant: false when it was counted already. */
    boolean claim(EntityManager em, String tenant, UUID id) {
        return em.createNativeQuery("insert into " + table + " (tenant_id, " + idColumn + ") values (:t, :id)"
                                + " on conflict do nothing")
                        .setParameter("t", tenant)
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }
}
