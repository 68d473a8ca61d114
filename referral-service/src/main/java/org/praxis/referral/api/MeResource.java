package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.api.ReferralRequests.ConsentDecisionRequest;
import org.praxis.referral.api.ReferralRequests.WithdrawalRequest;
import org.praxis.referral.api.ReferralViews.ClientReferralView;
import org.praxis.referral.api.SelfHelpResource.OfferView;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralConsent;
import org.praxis.referral.domain.Referrals;
import org.praxis.referral.domain.SelfHelp;
import org.praxis.referral.domain.SelfHelpOffer;

/** A signed-in client's own referrals and self-help offers, and their say over each referral. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in client's referrals, consent and self-help")
public class MeResource {
    @Inject
    Referrals referrals;

    @Inject
    ReferralConsent consent;

    @Inject
    SelfHelp selfHelp;

    @GET
    @Path("referrals")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read-as-client")
    @Operation(
            operationId = "listMyReferrals",
            summary = "Referrals about me, once I have been asked or they were sent")
    public Page<ClientReferralView> list(@BeanParam PageParams page) {
        Page<Referral> mine = consent.clientsOwn(page.request());
        // The page's services and consents in one query each, not two queries per referral.
        Map<UUID, DirectoryService> services =
                referrals.services(mine.items().stream().map(r -> r.serviceId).toList());
        Map<UUID, ConsentRecord> consents = referrals.currentConsents(mine.items());
        return mine.map(r -> ClientReferralView.of(r, services.get(r.serviceId), consents.get(r.consentId)));
    }

    @GET
    @Path("referrals/{id}")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read-as-client")
    @Operation(operationId = "getMyReferral", summary = "One referral about me: where to, why, what it would share")
    @APIResponse(
            responseCode = "200",
            description = "The referral as I see it",
            content = @Content(schema = @Schema(implementation = ClientReferralView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch) {
        Referral r = consent.readByClient(id);
        return ETags.okUnlessNotModified(ifNoneMatch, r.version, () -> view(r));
    }

    @POST
    @Path("referrals/{id}/consent")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "consent:decide")
    @Operation(
            operationId = "decideConsent",
            summary = "Agree to the referral (choosing what it may share) or refuse it")
    @APIResponse(
            responseCode = "200",
            description = "My decision recorded",
            content = @Content(schema = @Schema(implementation = ClientReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for my consent, or already decided")
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull ConsentDecisionRequest request) {
        Referral r = consent.decide(id, request.agree(), request.shares(), request.words());
        return ETags.ok(view(r), r.version);
    }

    @POST
    @Path("referrals/{id}/consent/withdrawal")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "consent:withdraw")
    @Operation(operationId = "withdrawConsent", summary = "Withdraw my consent while the referral has not been sent")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ClientReferralView.class)))
    @APIResponse(responseCode = "409", description = "Already sent, or nothing to withdraw")
    public Response withdraw(@PathParam("id") UUID id, @Valid WithdrawalRequest request) {
        Referral r = consent.withdraw(id, request == null ? null : request.reason());
        return ETags.ok(view(r), r.version);
    }

    @GET
    @Path("self-help")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "self-help-offer:read-as-client")
    @Operation(operationId = "listMySelfHelp", summary = "Self-help resources offered to me")
    public Page<OfferView> selfHelp(@BeanParam PageParams page) {
        Page<SelfHelpOffer> offers = selfHelp.offeredToCaller(page.request());
        java.util.Set<UUID> shown = selfHelp.referralsShownToCaller(offers.items());
        return SelfHelpResource.views(selfHelp, offers)
                .map(v -> v.referralId() == null || shown.contains(v.referralId()) ? v : v.withoutReferral());
    }

    private ClientReferralView view(Referral r) {
        return ClientReferralView.of(
                r,
                referrals.service(r).orElse(null),
                referrals.currentConsent(r).orElse(null));
    }
}
