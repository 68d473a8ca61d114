package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.referral.api.ReferralRequests.AnswerRequest;
import org.praxis.referral.api.ReferralRequests.AppointmentRequest;
import org.praxis.referral.api.ReferralRequests.CancelRequest;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.domain.ReferralLoop;

/** The closed loop of a referral: sent, answered by the recipient, its first appointment, or called off. */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Referrals",
        description = "Referrals to other professionals: consent, the serious-risk exception, the closed loop")
public class ReferralLoopResource {
    @Inject
    ReferralResponses responses;

    @Inject
    ReferralLoop loop;

    @POST
    @Path("{id}/sending")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:send")
    @Operation(
            operationId = "sendReferral",
            summary = "Send it: needs the client's consent or an approved serious-risk exception")
    @APIResponse(
            responseCode = "200",
            description = "Sent",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows")
    public Response send(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return responses.ok(loop.send(id, ifMatch));
    }

    @POST
    @Path("{id}/answer")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:record-answer")
    @Operation(
            operationId = "recordReferralAnswer",
            summary = "Record the recipient's answer: accepted, declined (with reason) or completed")
    @APIResponse(
            responseCode = "200",
            description = "The answer recorded",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows")
    public Response answer(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AnswerRequest request) {
        return responses.ok(
                loop.answer(id, ifMatch, request.outcome(), request.reason(), request.firstAppointmentAt()));
    }

    @POST
    @Path("{id}/first-appointment")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:record-appointment")
    @Operation(operationId = "recordFirstAppointment", summary = "Record the first appointment of an accepted referral")
    @APIResponse(
            responseCode = "200",
            description = "The first appointment recorded",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not accepted")
    public Response firstAppointment(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AppointmentRequest request) {
        return responses.ok(loop.firstAppointment(id, ifMatch, request.at()));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:cancel")
    @Operation(operationId = "cancelReferral", summary = "Call the referral off, with a reason")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Already closed")
    public Response cancel(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CancelRequest request) {
        return responses.ok(loop.cancel(id, ifMatch, request.reason()));
    }
}
