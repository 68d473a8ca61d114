package org.praxis.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.persistence.DeferredInserts;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * Writes who did what to which resource, and why, in the caller's transaction: the record and the
 * change (or the read) it describes commit together or not at all.
 */
@ApplicationScoped
public class AuditLog {
    /** Reasons are free text (why a supervisor read a note, why an export runs): sealed like any other. */
    public static final SealedColumn REASON = SealedColumn.sealedLater("audit_event", "reason");

    @Inject
    CallerContext callerContext;

    @Inject
    DeferredInserts inserts;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, String reason) {
        record(callerContext.caller(), action, resourceType, resourceId, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String resourceType, Object resourceId, String reason) {
        String sql =
                "insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)";
        UUID id = UUID.randomUUID();
        inserts.insert(
                sql,
                id,
                caller.tenantId(),
                caller.subject(),
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                REASON.seal(caller.tenantId(), id, reason),
                Timestamp.from(Instant.now()));
    }
}
