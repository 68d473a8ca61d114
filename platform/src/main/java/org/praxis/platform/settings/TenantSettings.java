package org.praxis.platform.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.Supplier;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;

/**
 * A tenant's settings of one {@link Kind}: the defaults until an admin replaces them, then the stored
 * row. The revision is 0 while the defaults apply, then 1, 2, ... with each change, and is the
 * ETag a replacement must name in If-Match; each replacement is audited. Who may read or replace
 * them, and which values are valid, stays with the service's policy and rules.
 */
@ApplicationScoped
public class TenantSettings {
    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    /**
     * One kind of settings: its name (the audit type), the entity that stores it and the defaults.
     *
     * @param <T> the settings record
     * @param <R> the entity holding one tenant's settings
     */
    public record Kind<T, R extends TenantSettingsRow<T>>(
            String name, Class<R> rowType, Supplier<R> newRow, T defaults) {}

    /** The settings in force and their revision. */
    public record Current<T>(T settings, long revision) {
        public boolean defaults() {
            return revision == 0;
        }
    }

    public <T, R extends TenantSettingsRow<T>> Current<T> current(Kind<T, R> kind) {
        R stored = em.find(kind.rowType(), callerContext.tenantId());
        return stored == null ? new Current<>(kind.defaults(), 0) : revised(stored);
    }

    /**
     * Replaces the caller's tenant's settings in the caller's transaction: 428 without If-Match, 412
     * when it names another revision; audited as {@code replace} of the kind's name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T, R extends TenantSettingsRow<T>> Current<T> replace(Kind<T, R> kind, T settings, String ifMatch) {
        R stored = em.find(kind.rowType(), callerContext.tenantId());
        ETags.requireMatch(ifMatch, stored == null ? 0 : stored.version + 1);
        if (stored == null) {
            stored = kind.newRow().get();
            stored.tenantId = callerContext.tenantId();
        }
        stored.write(settings);
        stored.updatedBy = callerContext.subject();
        stored.updatedAt = Instant.now();
        stored = em.merge(stored);
        em.flush();
        audit.record("replace", kind.name(), stored.tenantId, null);
        return revised(stored);
    }

    private static <T> Current<T> revised(TenantSettingsRow<T> stored) {
        return new Current<>(stored.read(), stored.version + 1);
    }
}
