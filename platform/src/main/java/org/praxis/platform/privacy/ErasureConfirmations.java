package org.praxis.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.security.CallerContext;

/**
 * The coordinator's record of each service's {@code subject.erased} against its {@link ErasureRequests}
 * request ({@link ErasureConfirmationHandler} calls it): once every expected service confirmed, the request
 * is complete and keeps only the person's pseudonym.
 */
@IfBuildProperty(name = ErasureRequests.SWITCH, stringValue = "true")
@ApplicationScoped
public class ErasureConfirmations {
    private static final Logger LOG = Logger.getLogger(ErasureConfirmations.class);

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    ObjectMapper json;

    /**
     * Records {@code service}'s confirmation of request {@code id} of the current tenant, once: a second one
     * changes nothing. The last expected confirmation completes the request, which then forgets the subject.
     * Called in the inbox transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID id, String service, Map<String, Integer> records) {
        String tenant = callerContext.tenantId();
        // Confirmations arrive on one consumer thread per topic: the lock lets exactly one of them see the last.
        UUID event;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id from erasure_request where tenant_id = ? and id = ? for update")) {
            s.setString(1, tenant);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    // e.g. a request published by hand before the coordinator existed
                    LOG.infof(
                            "erasure confirmation from %s for unknown request %s of tenant %s ignored",
                            service, id, tenant);
                    return;
                }
                event = rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("erasure request not read", e);
        }
        Instant now = Instant.now();
        int confirmed = Statements.update(
                dataSource,
                "update erasure_confirmation set confirmed_at = ?, records = cast(? as jsonb)"
                        + " where request_id = ? and service = ? and confirmed_at is null",
                Timestamp.from(now),
                toJson(records),
                id,
                service);
        if (confirmed == 0) {
            LOG.infof(
                    "erasure confirmation from %s for request %s ignored: confirmed already, or not expected",
                    service, id);
            return;
        }
        if (Statements.count(
                        dataSource,
                        "select count(*) from erasure_confirmation where request_id = ? and confirmed_at is null",
                        id)
                == 0) {
            // The reason and reference are an admin's words about the person (a name, a letter's number), as an
            // export request's are (PlatformRecords): they go with the subject, the audit trail's copy too.
            Statements.update(
                    dataSource,
                    "update erasure_request set completed_at = ?, subject = null, reason = ?, reference = null"
                            + " where id = ?",
                    Timestamp.from(now),
                    ErasureRequests.REASON.seal(tenant, id, "erased"),
                    id);
            Statements.update(
                    dataSource,
                    "update audit_event set reason = null where tenant_id = ? and action = 'request-erasure'"
                            + " and resource_type = 'erasure-request' and resource_id = ?",
                    tenant,
                    id.toString());
            if (event != null) {
                outbox.forgetSent(event);
            }
            audit.record("complete-erasure", "erasure-request", id, null);
        }
    }

    private String toJson(Map<String, Integer> records) {
        try {
            return json.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
