package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.session.domain.ClientRequest;
import org.praxis.session.domain.ClientRequests;
import org.praxis.session.domain.EngagementLimits;

/** The client's requests to pause or end their engagement or to change coach, and a supervisor's decision. */
@Path("/v1/engagements/{id}/client-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client requests", description = "The client asks to pause, end or change coach; a supervisor decides")
public class ClientRequestResource {
    @Inject
    ClientRequests requests;

    @Inject
    IdempotencyKeys idempotency;

    public record ClientRequestRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "pause|end|change-coach")
            String kind,

            @NotBlank @Size(max = Bounds.REASON) String reason,
            @Size(min = 1, max = Bounds.SUBJECT) String preferredCoach) {}

    public record ClientRequestDecision(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "granted|declined")
            String decision,

            @Size(max = Bounds.REASON) String note,
            @Size(min = 1, max = Bounds.SUBJECT) String newCoach) {}

    public record ClientRequestView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.CODE, description = "pause, end or change-coach")
            String kind,

            @Schema(maxLength = Bounds.REASON) String reason,
            @Schema(maxLength = Bounds.SUBJECT) String preferredCoach,

            @Schema(required = true, maxLength = Bounds.CODE, description = "open, granted or declined")
            String status,

            @Schema(required = true) Instant requestedAt,
            Instant decidedAt,

            @Schema(maxLength = Bounds.REASON) String decisionNote,
            @Schema(maxLength = Bounds.SUBJECT) String newCoach,

            @Schema(required = true, minimum = "0", maximum = EngagementViews.COUNT_MAX)
            long version) {
        static ClientRequestView of(ClientRequest r) {
            return new ClientRequestView(
                    r.id,
                    r.engagementId,
                    r.kind,
                    r.reason(),
                    r.preferredCoach,
                    r.status,
                    r.requestedAt,
                    r.decidedAt,
                    r.decisionNote(),
                    r.newCoach,
                    r.version);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "client-request:make")
    @Operation(
            operationId = "makeClientRequest",
            summary = "The engagement's client asks to pause it, end it or change coach (one open request per kind)")
    @APIResponse(
            responseCode = "201",
            description = "Made; ETag is its version",
            content = @Content(schema = @Schema(implementation = ClientRequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "One of this kind is open, the engagement is not active or paused, or it holds "
                    + EngagementLimits.CLIENT_REQUESTS + " requests")
    public Response make(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ClientRequestRequest request) {
        return idempotency.once(key, "make-client-request " + id, request, () -> {
            ClientRequest r = requests.make(id, request.kind(), request.reason(), request.preferredCoach());
            return ETags.created(
                    URI.create("/v1/engagements/" + id + "/client-requests/" + r.id),
                    ClientRequestView.of(r),
                    r.version);
        });
    }

    @GET
    @Path("{requestId}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "client-request:view")
    @Operation(operationId = "getClientRequest", summary = "One client request; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = ClientRequestView.class)))
    public Response read(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        ClientRequest r = requests.read(id, requestId);
        return ETags.ok(ClientRequestView.of(r), r.version);
    }

    @POST
    @Path("{requestId}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "client-request:decide")
    @Operation(
            operationId = "decideClientRequest",
            summary = "A supervisor of the practitioner grants or declines an open request (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Decided; ETag is its new version",
            content = @Content(schema = @Schema(implementation = ClientRequestView.class)))
    @APIResponse(responseCode = "409", description = "Decided already, or the engagement cannot move so")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response decide(
            @PathParam("id") UUID id,
            @PathParam("requestId") UUID requestId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ClientRequestDecision request) {
        ClientRequest r = requests.decide(
                id,
                requestId,
                new ClientRequests.Decision(request.decision(), request.note(), request.newCoach()),
                ifMatch);
        return ETags.ok(ClientRequestView.of(r), r.version);
    }
}
