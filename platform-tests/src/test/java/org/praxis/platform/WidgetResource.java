package org.praxis.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;

/** A resource that exists only in the platform's tests, to exercise the plumbing the way services use it. */
@Path("/test/widgets")
public class WidgetResource {
    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    public record WidgetRequest(
            @NotBlank @Size(max = 20) String name,
            @Min(0) @Max(10) int size) {}

    public record Widget(UUID id, String name, long version) {}

    @POST
    @RolesAllowed("coach")
    @Transactional
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull WidgetRequest request) {
        return idempotency.once(key, "create-widget", request, () -> {
            UUID id = UUID.randomUUID();
            // A create that fails once the state has moved on, as a service's can (an intake closed since).
            if (request.name().startsWith("unique-") && named(request.name())) {
                throw ProblemException.conflict("A widget is named " + request.name() + " already.");
            }
            // A create that has written something before it fails.
            if (request.name().startsWith("half-") && named(request.name())) {
                update(
                        "insert into widget (id, tenant_id, name, version) values (?, ?, ?, 1)",
                        UUID.randomUUID(),
                        callerContext.tenantId(),
                        request.name() + "-partial");
                throw ProblemException.conflict("A widget is named " + request.name() + " already.");
            }
            update(
                    "insert into widget (id, tenant_id, name, version) values (?, ?, ?, 1)",
                    id,
                    callerContext.tenantId(),
                    request.name());
            outbox.publish(new TestEvents.WidgetCreated(id));
            audit.record("create", "widget", id, null);
            return Response.created(URI.create("/test/widgets/" + id))
                    .entity(new Widget(id, request.name(), 1))
                    .build();
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("coach")
    @Transactional
    public Widget rename(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull WidgetRequest request) {
        long version = currentVersion(id);
        ETags.requireMatch(ifMatch, version);
        update("update widget set name = ?, version = version + 1 where id = ?", request.name(), id);
        return new Widget(id, request.name(), version + 1);
    }

    @GET
    @Path("boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException("select secret_column from hidden_table failed");
    }

    private long currentVersion(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select version from widget where id = ? and tenant_id = ?")) {
            s.setObject(1, id);
            s.setString(2, callerContext.tenantId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Widget " + id);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean named(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from widget where tenant_id = ? and name = ?")) {
            s.setString(1, callerContext.tenantId());
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    org.praxis.platform.privacy.ExportRequests exportRequests;

    /** Stands in for a service's subject export: runs only on a recorded, ready export request. */
    @GET
    @Path("/subjects/{subject}/export")
    @RolesAllowed("admin")
    @Transactional
    public Map<String, String> export(
            @PathParam("subject") String subject, @jakarta.ws.rs.QueryParam("request") UUID request) {
        exportRequests.use(request, subject);
        return Map.of("subject", subject);
    }
}
