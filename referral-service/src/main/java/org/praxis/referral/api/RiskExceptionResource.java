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
import org.praxis.referral.api.ReferralRequests.ExceptionRequest;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.domain.RiskExceptions;

/** The serious-risk exception of a referral: requested, then approved by another supervisor. */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Referrals",
        description = "Referrals to other professionals: consent, the serious-risk exception, the closed loop")
public class RiskExceptionResource {
    @Inject
    ReferralResponses responses;

    @Inject
    RiskExceptions exceptions;

    @POST
    @Path("{id}/risk-exception")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:request-exception")
    @Operation(
            operationId = "requestRiskException",
            summary = "Ask to refer without consent because of serious risk (emergency only, justified)")
    @APIResponse(
            responseCode = "200",
            description = "Requested; another supervisor approves it",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Already sent or closed")
    public Response requestException(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ExceptionRequest request) {
        return responses.ok(exceptions.request(id, ifMatch, request.justification()));
    }

    @POST
    @Path("{id}/risk-exception/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:approve-exception")
    @Operation(
            operationId = "approveRiskException",
            summary = "A supervisor, not the one who asked, approves referring without consent")
    @APIResponse(
            responseCode = "200",
            description = "Approved for the referral's current terms",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Nothing to approve")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag: read it again before approving")
    @APIResponse(responseCode = "428", description = "No If-Match: an approval names the version read")
    public Response approveException(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return responses.ok(exceptions.approve(id, ifMatch));
    }
}
