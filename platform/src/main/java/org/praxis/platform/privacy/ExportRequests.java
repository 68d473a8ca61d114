package org.praxis.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * Recorded export requests: the only way an admin reaches a person's clinical content. A request
 * names the subject, the reason and a reference (a ticket, a letter); where the tenant requires four
 * eyes a second admin approves it; an export then runs on it for {@link #VALID_FOR}, each run
 * audited with the request and its reason. Whether the tenant requires four eyes: {@link ExportSettings}.
 */
@ApplicationScoped
public class ExportRequests {
    public static final SealedColumn REASON = SealedColumn.of("export_request", "reason");
    public static final Duration VALID_FOR = Duration.ofHours(24);
    /** The most rows of each kind one service's export holds (oldest first). */
    public static final int MAX_ROWS_PER_LIST = 10_000;

    /** How every service's export operation documents the request it runs on (OpenAPI). */
    public static final String EXPORT_DESCRIPTION = "Runs only on a ready export request for this subject"
            + " (POST /v1/export-requests, approved by a second admin where the tenant requires four eyes); each run is"
            + " counted on the request and audited with it and its reason. Each list holds at most 10,000 rows, oldest first.";

    public static final String REQUEST_PARAMETER = "The export request this export runs on";
    public static final String NO_SUCH_REQUEST = "No such export request";
    public static final String REQUEST_NOT_READY = "The export request awaits approval or has expired";
    public static final String REQUEST_MISSING = "No export request given, or one for another subject";

    public static final String AWAITING_APPROVAL = "awaiting-approval";
    public static final String READY = "ready";
    public static final String EXPIRED = "expired";

    public record ExportRequest(
            UUID id,
            String subject,
            String reason,
            String reference,
            String requestedBy,
            Instant requestedAt,
            boolean needsApproval,
            String approvedBy,
            Instant approvedAt,
            int uses,
            String state) {}

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    ExportSettings settings;

    @Transactional
    public ExportRequest request(String subject, String reason, String reference) {
        UUID id = UUID.randomUUID();
        String tenant = callerContext.tenantId();
        boolean fourEyes = settings.settings().fourEyes();
        Instant now = Instant.now();
        update(
                "insert into export_request (id, tenant_id, subject, reason, reference, requested_by, requested_at,"
                        + " needs_approval) values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                tenant,
                subject,
                REASON.seal(tenant, id, reason),
                reference,
                callerContext.subject(),
                Timestamp.from(now),
                fourEyes);
        audit.record("request-export", "export-request", id, reason);
        return find(id);
    }

    @Transactional
    public ExportRequest approve(UUID id) {
        ExportRequest r = find(id);
        if (!r.needsApproval()) {
            throw ProblemException.conflict(
                    "This export request needs no approval: the tenant does not require four eyes.");
        }
        if (r.approvedBy() != null) {
            return r;
        }
        if (r.requestedBy().equals(callerContext.subject())) {
            throw ProblemException.forbidden("A second admin approves an export request, not the one who made it.");
        }
        if (r.requestedAt().plus(VALID_FOR).isBefore(Instant.now())) {
            throw ProblemException.conflict(
                    "This export request is older than " + VALID_FOR.toHours() + " hours; make a new one.");
        }
        update(
                "update export_request set approved_by = ?, approved_at = ? where tenant_id = ? and id = ?",
                callerContext.subject(),
                Timestamp.from(Instant.now()),
                callerContext.tenantId(),
                id);
        audit.record("approve-export", "export-request", id, null);
        return find(id);
    }

    /**
     * Checks that {@code requestId} lets the caller export {@code subject} now, counts the use and
     * audits the export with the request's reason. Call it in the export's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(UUID requestId, String subject) {
        if (requestId == null) {
            throw ProblemException.unprocessable(
                    "An export runs only on a recorded export request",
                    List.of(new Violation("request", "is required: POST /v1/export-requests first")));
        }
        ExportRequest r = find(requestId);
        if (!r.subject().equals(subject)) {
            throw ProblemException.unprocessable(
                    "The export request is for another subject",
                    List.of(new Violation("request", "names another subject")));
        }
        if (!READY.equals(r.state())) {
            throw ProblemException.conflict("The export request is " + r.state() + ".");
        }
        if (!r.requestedBy().equals(callerContext.subject())) {
            throw ProblemException.forbidden("The admin who requested the export runs it.");
        }
        update(
                "update export_request set uses = uses + 1, last_used_at = ? where tenant_id = ? and id = ?",
                Timestamp.from(Instant.now()),
                callerContext.tenantId(),
                requestId);
        audit.record("export", "subject", subject, "export request " + requestId + ": " + r.reason());
    }

    public ExportRequest find(UUID id) {
        List<ExportRequest> found = select(" and id = ?", List.of(id), 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Export request");
        }
        return found.get(0);
    }

    public Page<ExportRequest> list(PageRequest page) {
        PageRequest.Keyset after = page.keyset("requested_at");
        return page.page(
                select(after.sql(), after.args(), page.fetchSize()),
                r -> new PageRequest.Position(r.requestedAt(), r.id()));
    }

    private List<ExportRequest> select(String where, List<Object> args, int limit) {
        String tenant = callerContext.tenantId();
        // A request made while four eyes was off needs approval too once it is on again.
        boolean fourEyesNow = settings.settings().fourEyes();
        String sql = "select id, subject, reason, reference, requested_by, requested_at, needs_approval, approved_by,"
                + " approved_at, uses from export_request where tenant_id = ?" + where
                + " order by requested_at desc, id desc limit " + limit;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 2, args.get(i));
            }
            List<ExportRequest> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Instant requestedAt = rs.getTimestamp(6).toInstant();
                    boolean needsApproval = rs.getBoolean(7) || fourEyesNow;
                    Timestamp approvedAt = rs.getTimestamp(9);
                    Instant readyAt =
                            needsApproval ? (approvedAt == null ? null : approvedAt.toInstant()) : requestedAt;
                    String state = readyAt == null
                            ? AWAITING_APPROVAL
                            : readyAt.plus(VALID_FOR).isBefore(Instant.now()) ? EXPIRED : READY;
                    out.add(new ExportRequest(
                            id,
                            rs.getString(2),
                            REASON.open(tenant, id, rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            requestedAt,
                            needsApproval,
                            rs.getString(8),
                            approvedAt == null ? null : approvedAt.toInstant(),
                            rs.getInt(10),
                            state));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("export requests not read", e);
        }
    }

    private void update(String sql, Object... args) {
        Statements.update(dataSource, sql, args);
    }
}
