package org.praxis.platform.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Export requests of this service (an export of a person from every service needs one in each). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: recorded export requests")
public class ExportRequestResource {
    @Inject
    ExportRequests requests;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    ExportSettings settings;

    public record CreateExportRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String subject,
            @NotBlank @Size(max = Bounds.REASON) String reason,
            @Size(max = Bounds.NAME) String reference) {}

    public record ExportRequestView(
            @Schema(required = true) UUID id,
            @Schema(maxLength = Bounds.SUBJECT) String subject,

            @Schema(required = true, maxLength = Bounds.REASON)
            String reason,

            @Schema(maxLength = Bounds.NAME) String reference,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String requestedBy,

            @Schema(required = true) Instant requestedAt,
            @Schema(required = true) boolean needsApproval,
            @Schema(maxLength = Bounds.SUBJECT) String approvedBy,
            Instant approvedAt,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int uses,

            @Schema(
                    required = true,
                    enumeration = {ExportRequests.AWAITING_APPROVAL, ExportRequests.READY, ExportRequests.EXPIRED})
            String state) {
        static ExportRequestView of(ExportRequests.ExportRequest r) {
            return new ExportRequestView(
                    r.id(),
                    r.subject(),
                    r.reason(),
                    r.reference(),
                    r.requestedBy(),
                    r.requestedAt(),
                    r.needsApproval(),
                    r.approvedBy(),
                    r.approvedAt(),
                    r.uses(),
                    r.state());
        }
    }

    public record ExportSettingsRequest(@NotNull Boolean fourEyes) {}

    /** The setting, and who asked to turn four eyes off while a second admin has not confirmed it. */
    public record ExportSettingsView(
            @Schema(required = true) boolean fourEyes,
            @Schema(maxLength = Bounds.SUBJECT) String offRequestedBy) {
        static ExportSettingsView of(ExportSettings.Settings s) {
            return new ExportSettingsView(s.fourEyes(), s.offRequestedBy());
        }
    }

    @POST
    @Path("/export-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional // the idempotency key is claimed in the request's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:request")
    @Operation(
            operationId = "requestExport",
            summary = "Record a request to export everything held about a person (admin; audited)")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; ready, or awaiting a second admin's approval",
            content = @Content(schema = @Schema(implementation = ExportRequestView.class)))
    public Response request(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull CreateExportRequest body) {
        return idempotency.once(key, "request-export", body, () -> {
            ExportRequests.ExportRequest r = requests.request(body.subject(), body.reason(), body.reference());
            return Response.created(URI.create("/v1/export-requests/" + r.id()))
                    .entity(ExportRequestView.of(r))
                    .build();
        });
    }

    @GET
    @Path("/export-requests")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:list")
    @Operation(operationId = "listExportRequests", summary = "List the tenant's export requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of export requests")
    public Page<ExportRequestView> list(@BeanParam PageParams page) {
        return requests.list(page.request()).map(ExportRequestView::of);
    }

    @GET
    @Path("/export-requests/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:list")
    @Operation(operationId = "getExportRequest", summary = "Read one export request")
    @APIResponse(responseCode = "200", description = "The export request")
    public ExportRequestView get(@PathParam("id") UUID id) {
        return ExportRequestView.of(requests.find(id));
    }

    @POST
    @Path("/export-requests/{id}/approval")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:approve")
    @Operation(
            operationId = "approveExportRequest",
            summary = "Approve another admin's export request (four eyes; audited)")
    @APIResponse(responseCode = "200", description = "Approved; the export may run for 24 hours")
    @APIResponse(responseCode = "409", description = "The request needs no approval")
    public ExportRequestView approve(@PathParam("id") UUID id) {
        return ExportRequestView.of(requests.approve(id));
    }

    @GET
    @Path("/export-settings")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:list")
    @Operation(
            operationId = "getExportSettings",
            summary = "Whether the tenant's exports need a second admin's approval")
    @APIResponse(responseCode = "200", description = "The tenant's export settings")
    public ExportSettingsView settings() {
        return ExportSettingsView.of(settings.settings());
    }

    @PUT
    @Path("/export-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "export-request:configure")
    @Operation(
            operationId = "putExportSettings",
            summary = "Require a second admin's approval of exports, or stop"
                    + " requiring it — which itself takes a second admin (audited)")
    @APIResponse(
            responseCode = "200",
            description =
                    "The tenant's export settings; offRequestedBy while turning off waits" + " for a second admin")
    public ExportSettingsView configure(@Valid @NotNull ExportSettingsRequest body) {
        return ExportSettingsView.of(settings.configure(body.fourEyes()));
    }
}
