package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.api.ReferralViews.ConsentView;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.domain.ReferralConsent;
import org.praxis.referral.domain.Referrals;

/** The client asked about a referral, and every consent asked, for the practitioners (the client answers at /v1/me). */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Referrals",
        description = "Referrals to other professionals: consent, the serious-risk exception, the closed loop")
public class ReferralConsentResource {
    @Inject
    ReferralResponses responses;

    @Inject
    Referrals referrals;

    @Inject
    ReferralConsent consent;

    @POST
    @Path("{id}/consent-request")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:ask-consent")
    @Operation(operationId = "askConsent", summary = "Ask the client to agree to the referral and what it shares")
    @APIResponse(
            responseCode = "200",
            description = "Waiting for the client's consent",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag (optional)")
    public Response askConsent(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return responses.ok(consent.ask(id, ifMatch));
    }

    @GET
    @Path("{id}/consents")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read-history")
    @Operation(
            operationId = "listReferralConsents",
            summary =
                    "Every consent asked about the referral, newest first, a page at a time (audited with the history)")
    public Page<ConsentView> consents(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return consent.asked(id, page.request()).map(ConsentView::of);
    }
}
