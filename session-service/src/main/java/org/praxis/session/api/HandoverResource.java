package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.EngagementLimits;
import org.praxis.session.domain.Handover;
import org.praxis.session.domain.HandoverWithdrawals;
import org.praxis.session.domain.Handovers;

/** Handing an engagement to another coach, and its practitioner history. */
@Path("/v1/engagements/{id}/handovers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Handovers", description = "An engagement handed to another coach, who accepts or declines")
public class HandoverResource {
    @Inject
    Handovers handovers;

    @Inject
    HandoverWithdrawals withdrawals;

    @Inject
    IdempotencyKeys idempotency;

    public record HandoverRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String toPractitionerId,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "fit|scope|withdrawal")
            String reason,

            @Size(max = Bounds.REASON) String note) {}

    public record HandoverView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String fromPractitionerId,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String toPractitionerId,

            @Schema(required = true, maxLength = Bounds.CODE, description = "fit, scope, withdrawal or client-request")
            String reason,

            @Schema(maxLength = Bounds.REASON, description = "Between coaches and supervisors; null for the client")
            String note,

            @Schema(required = true, maxLength = Bounds.CODE, description = "offered, accepted, declined or withdrawn")
            String status,

            @Schema(required = true) Instant offeredAt,
            Instant answeredAt,
            UUID clientRequestId,

            @Schema(required = true, minimum = "0", maximum = EngagementViews.COUNT_MAX)
            long version) {
        static HandoverView of(Handovers.Seen s) {
            Handover h = s.handover();
            return new HandoverView(
                    h.id,
                    h.engagementId,
                    h.fromPractitioner,
                    h.toPractitioner,
                    h.reason,
                    s.note() ? h.note() : null,
                    h.status,
                    h.offeredAt,
                    h.answeredAt,
                    h.clientRequestId,
                    h.version);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:offer")
    @Operation(
            operationId = "offerHandover",
            summary = "The practitioner or their supervisor offers the engagement to another coach")
    @APIResponse(
            responseCode = "201",
            description = "Offered; ETag is its version",
            content = @Content(schema = @Schema(implementation = HandoverView.class)))
    @APIResponse(
            responseCode = "409",
            description = "One is offered already, the engagement is closed, or it has had "
                    + EngagementLimits.HANDOVERS + " offers")
    public Response offer(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull HandoverRequest request) {
        return idempotency.once(key, "offer-handover " + id, request, () -> {
            Handover h = handovers.offer(
                    id, new Handovers.Offer(request.toPractitionerId(), request.reason(), request.note()));
            return ETags.created(
                    URI.create("/v1/engagements/" + id + "/handovers/" + h.id),
                    HandoverView.of(handovers.seen(h)),
                    h.version);
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:list")
    @Operation(
            operationId = "listHandovers",
            summary = "The engagement's handovers, newest first: its practitioner history (who, from whom, when, why)")
    public Page<HandoverView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return handovers.list(id, null, page.request()).map(HandoverView::of);
    }

    @GET
    @Path("{handoverId}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:view")
    @Operation(operationId = "getHandover", summary = "One handover; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The handover",
            content = @Content(schema = @Schema(implementation = HandoverView.class)))
    public Response read(@PathParam("id") UUID id, @PathParam("handoverId") UUID handoverId) {
        Handover h = handovers.read(id, handoverId);
        return ETags.ok(HandoverView.of(handovers.seen(h)), h.version);
    }

    @POST
    @Path("{handoverId}/acceptance")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:answer")
    @Operation(
            operationId = "acceptHandover",
            summary = "The coach it names takes the engagement over (If-Match required); a new contract version"
                    + " naming them awaits the parties' acceptance, and no session is held until then")
    @APIResponse(
            responseCode = "200",
            description = "Accepted; ETag is its new version",
            content = @Content(schema = @Schema(implementation = HandoverView.class)))
    @APIResponse(responseCode = "409", description = "Answered already, or the engagement changed since the offer")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response accept(
            @PathParam("id") UUID id,
            @PathParam("handoverId") UUID handoverId,
            @HeaderParam("If-Match") String ifMatch) {
        Handover h = handovers.answer(id, handoverId, true, ifMatch);
        return ETags.ok(HandoverView.of(handovers.seen(h)), h.version);
    }

    @POST
    @Path("{handoverId}/declination")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:answer")
    @Operation(
            operationId = "declineHandover",
            summary = "The coach it names declines the engagement (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Declined; ETag is its new version",
            content = @Content(schema = @Schema(implementation = HandoverView.class)))
    @APIResponse(responseCode = "409", description = "Answered already")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response decline(
            @PathParam("id") UUID id,
            @PathParam("handoverId") UUID handoverId,
            @HeaderParam("If-Match") String ifMatch) {
        Handover h = handovers.answer(id, handoverId, false, ifMatch);
        return ETags.ok(HandoverView.of(handovers.seen(h)), h.version);
    }

    @POST
    @Path("{handoverId}/withdrawal")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:withdraw")
    @Operation(
            operationId = "withdrawHandover",
            summary = "The practitioner or their supervisor takes an open offer back (If-Match required; one the client"
                    + " asked for, only a supervisor); the coach it named reaches it no more")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn; ETag is its new version",
            content = @Content(schema = @Schema(implementation = HandoverView.class)))
    @APIResponse(responseCode = "403", description = "A coach, on a handover the client asked for (a supervisor's)")
    @APIResponse(responseCode = "409", description = "Answered or withdrawn already")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response withdraw(
            @PathParam("id") UUID id,
            @PathParam("handoverId") UUID handoverId,
            @HeaderParam("If-Match") String ifMatch) {
        Handover h = withdrawals.withdraw(id, handoverId, ifMatch);
        return ETags.ok(HandoverView.of(handovers.seen(h)), h.version);
    }
}
