package org.praxis.platform.persistence;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * This service's replica of a fact set another service owns per key (the eligibilities assessment-service
 * gives each practitioner), kept from that service's events: a table of the service's own with {@code
 * tenant_id}, the key, one fact per row and {@code updated_at}. An event carries the key's whole set, so
 * its handler replaces it (and says {@code replacesState()}); a key no event named holds no fact. A service
 * names its replica by subclassing it as a bean.
 */
public abstract class FactReplica {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private final String table;
    private final String keyColumn;
    private final String factColumn;

    @Inject
    EntityManager em;

    protected FactReplica(String table, String keyColumn, String factColumn) {
        for (String name : List.of(table, keyColumn, factColumn)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL name: " + name);
            }
        }
        this.table = table;
        this.keyColumn = keyColumn;
        this.factColumn = factColumn;
    }

    /** Whether the other service holds {@code fact} true of {@code key}, as far as its events told. */
    public boolean holds(String tenantId, String key, String fact) {
        Number n = (Number) em.createNativeQuery("select count(*) from " + table + " where tenant_id = ?1 and "
                        + keyColumn + " = ?2 and " + factColumn + " = ?3")
                .setParameter(1, tenantId)
                .setParameter(2, key)
                .setParameter(3, fact)
                .getSingleResult();
        return n.intValue() > 0;
    }

    /** The keys {@code fact} is held true of (the practitioners one supervisor supervises). */
    public List<String> keysHolding(String tenantId, String fact) {
        // No result class: Hibernate keys a native query's cached plan by its SQL's hash and compares the
        // result mapping, and a String.class mapping never compared equal. Each call added a plan under the
        // same hash (session-service's policies ask this on every coach's request), and every lookup walked
        // them all: 11 % of session-service's test CPU.
        List<?> keys = em.createNativeQuery(
                        "select " + keyColumn + " from " + table + " where tenant_id = ?1 and " + factColumn + " = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, fact)
                .getResultList();
        return keys.stream().map(String.class::cast).toList();
    }

    /** Replaces the key's facts with {@code facts}; none forgets the key (an erased person holds nothing). */
    public void replace(String tenantId, String key, Collection<String> facts) {
        em.createNativeQuery("delete from " + table + " where tenant_id = ?1 and " + keyColumn + " = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, key)
                .executeUpdate();
        for (String fact : facts) {
            em.createNativeQuery("insert into " + table + " (tenant_id, " + keyColumn + ", " + factColumn
                            + ", updated_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, tenantId)
                    .setParameter(2, key)
                    .setParameter(3, fact)
                    .setParameter(4, Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
    }
}
