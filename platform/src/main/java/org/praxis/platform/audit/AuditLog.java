package org.praxis.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * Writes who did what to which resource, and why, in the caller's transaction: the record and the
 * change (or the read) it describes commit together or not at all.
 */
@ApplicationScoped
public class AuditLog {
    /** Reasons are free text (why a supervisor read a note, why an export runs): sealed like any other. */
    public static final SealedColumn REASON = SealedColumn.of("audit_event", "reason");

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, String reason) {
        record(callerContext.caller(), action, resourceType, resourceId, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String resourceType, Object resourceId, String reason) {
        String sql =
                "insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            UUID id = UUID.randomUUID();
            s.setObject(1, id);
            s.setString(2, caller.tenantId());
            s.setString(3, caller.subject());
            s.setString(4, action);
            s.setString(5, resourceType);
            s.setString(6, resourceId == null ? null : resourceId.toString());
            s.setString(7, REASON.seal(caller.tenantId(), id, reason));
            s.setTimestamp(8, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit record not written", e);
        }
    }
}
