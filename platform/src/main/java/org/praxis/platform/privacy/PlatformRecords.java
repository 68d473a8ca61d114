package org.praxis.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.web.IdempotencyKeys;

/**
 * The platform's part of erasing a person, the same in every service's database. The audit trail,
 * export requests and settings, retired keys and the outbox keep their rows (they account for what
 * was done) but name the person's pseudonym instead, and an export request's reason and reference about the
 * person go; idempotency records that name the person ({@link IdempotencyKeys#forget}) go (replay caches of a
 * day). Data keys and inbox marks name nobody.
 */
@ApplicationScoped
public class PlatformRecords {
    /** Columns that may name a person, by table; each has a {@code tenant_id}. */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.of(
            "audit_event", List.of("actor", "resource_id"),
            "export_request", List.of("subject", "requested_by", "approved_by"),
            "export_setting", List.of("changed_by", "off_requested_by"),
            // The admin who asked; the erased person of a request is the coordinator's to forget (ErasureRequests).
            "erasure_request", List.of("requested_by"),
            "outbox_event", List.of("aggregate_id"),
            "tenant_rate_limits", List.of("updated_by"));

    @Inject
    DataSource dataSource;

    @Inject
    Instance<EntityManager> entityManager;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    AuditLog audit;

    /** Erases {@code subject} from the platform's tables of {@code tenant}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String tenant, String subject, String pseudonym) {
        forgetExportReasons(tenant, subject);
        // A request to turn four eyes off waits for a second admin other than its asker. Under a pseudonym the asker
        // would count as another admin and could confirm it themselves; it goes with them.
        update(
                "update export_setting set off_requested_by = null where tenant_id = ? and off_requested_by = ?",
                tenant,
                subject);
        pseudonymise(tenant, subject, pseudonym, PERSON_COLUMNS);
        // Event payloads name people as JSON strings: the whole string is replaced, never a part of
        // another id. Events not yet sent go out under the pseudonym too, so no service learns the
        // person's id again from this one.
        update(
                "update outbox_event set payload = replace(payload::text, to_jsonb(?::text)::text, to_jsonb(?::text)::text)::jsonb"
                        + " where tenant_id = ? and strpos(payload::text, to_jsonb(?::text)::text) > 0",
                subject,
                pseudonym,
                tenant,
                subject);
        // A retired key belongs to the whole service, not a tenant; who retired it stays accountable by pseudonym.
        update("update retired_kek set retired_by = ? where retired_by = ?", pseudonym, subject);
        idempotencyKeys.forget(tenant, subject);
    }

    /**
     * An export request's reason and reference are an admin's words about the person (a name, a ticket number):
     * they go, and so do the audit trail's copies of the reason. Who asked, who approved and when stay.
     */
    private void forgetExportReasons(String tenant, String subject) {
        update(
                "update audit_event set reason = null where tenant_id = ? and ((action = 'export'"
                        + " and resource_type = 'subject' and resource_id = ?) or (action = 'request-export'"
                        + " and resource_type = 'export-request' and resource_id in"
                        + " (select id::text from export_request where tenant_id = ? and subject = ?)))",
                tenant,
                subject,
                tenant,
                subject);
        for (UUID id : Statements.uuids(
                dataSource, "select id from export_request where tenant_id = ? and subject = ?", tenant, subject)) {
            update(
                    "update export_request set reason = ?, reference = null where id = ?",
                    ExportRequests.REASON.seal(tenant, id, "erased"),
                    id);
        }
    }

    /**
     * Replaces {@code subject} by {@code pseudonym} in each listed column of the tenant's rows, one
     * statement per column however many rows hold it. Entity changes pending in the transaction are
     * flushed first, so they cannot write the old value back afterwards; change no entity of these
     * tables after this call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymise(
            String tenant, String subject, String pseudonym, Map<String, List<String>> columnsByTable) {
        if (entityManager.isResolvable()) {
            entityManager.get().flush();
        }
        columnsByTable.forEach((table, columns) -> columns.forEach(column -> update(
                "update " + table + " set " + column + " = ? where tenant_id = ? and " + column + " = ?",
                pseudonym,
                tenant,
                subject)));
    }

    /**
     * How a service's own part of an erasure ends: its {@code columnsByTable} (every column that may name
     * a person, in any role) name the pseudonym instead of {@code subject} ({@link #pseudonymise}), and the
     * erasure is audited under the pseudonym with the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymiseAndAudit(
            String tenant, String subject, String requestId, Map<String, List<String>> columnsByTable) {
        String pseudonym = Pseudonyms.of(tenant, subject);
        pseudonymise(tenant, subject, pseudonym, columnsByTable);
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
    }

    private void update(String sql, Object... args) {
        Statements.update(dataSource, sql, args);
    }
}
