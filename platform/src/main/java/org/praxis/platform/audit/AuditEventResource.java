package org.praxis.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.platform.web.PageRequest;

/** The audit trail of this service, for the tenant's admins. Newest first. */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditEventResource {
    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    public record AuditEventView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String actor,

            @Schema(required = true, maxLength = Bounds.CODE)
            String action,

            @Schema(required = true, maxLength = Bounds.CODE)
            String resourceType,

            @Schema(maxLength = Bounds.NAME) String resourceId,
            @Schema(maxLength = Bounds.REASON) String reason,
            @Schema(required = true) Instant occurredAt) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "audit-event:list")
    @Operation(operationId = "listAuditEvents", summary = "List audit events of the caller's tenant, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    @APIResponse(responseCode = "400", description = "Malformed cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin of a tenant")
    @APIResponse(responseCode = "422", description = "limit out of range")
    public Page<AuditEventView> list(
            @QueryParam("resourceType") @Size(max = Bounds.CODE) String resourceType,
            @QueryParam("resourceId") @Size(max = Bounds.NAME) String resourceId,
            @QueryParam("actor") @Size(max = Bounds.SUBJECT) String actor,
            @BeanParam PageParams paging) {
        PageRequest page = paging.request();
        StringBuilder sql =
                new StringBuilder("select id, actor, action, resource_type, resource_id, reason, occurred_at"
                        + " from audit_event where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(callerContext.tenantId()));
        if (resourceType != null) {
            sql.append(" and resource_type = ?");
            args.add(resourceType);
        }
        if (resourceId != null) {
            sql.append(" and resource_id = ?");
            args.add(resourceId);
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (page.after() != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            args.add(Timestamp.from(page.after().at()));
            args.add(page.after().id());
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(page.fetchSize());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<AuditEventView> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEventView(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            reason(rs.getObject(1, UUID.class), rs.getString(6)),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return page.page(rows, r -> new PageRequest.Position(r.occurredAt(), r.id()));
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    /**
     * A reason written before reasons were sealed is shown as it is until the rotation job seals it;
     * one that does not open (tampered, or its key gone) is left out rather than failing the page.
     */
    private String reason(UUID id, String stored) {
        try {
            return AuditLog.REASON.open(callerContext.tenantId(), id, stored);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
