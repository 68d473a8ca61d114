package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
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
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.api.ReferralRequests.OpenReferralRequest;
import org.praxis.referral.api.ReferralRequests.ReviseReferralRequest;
import org.praxis.referral.api.ReferralViews.ReferralSummary;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.api.ReferralViews.StepView;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.Deadlines;
import org.praxis.referral.domain.Directory;
import org.praxis.referral.domain.DirectoryOrganisation;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;
import org.praxis.referral.domain.ReferralLoop;
import org.praxis.referral.domain.Referrals;
import org.praxis.referral.domain.Urgency;

/**
 * A referral drafted, its terms revised, its history and its FHIR view. Its sub-processes have their
 * own resources under the same {@code /v1/referrals}: {@link ReferralConsentResource},
 * {@link RiskExceptionResource}, {@link ReferralLoopResource} (the client's say is {@link MeResource}).
 */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Referrals",
        description = "Referrals to other professionals: consent, the serious-risk exception, the closed loop")
public class ReferralResource {
    @Inject
    Referrals referrals;

    @Inject
    Deadlines deadlines;

    @Inject
    Directory directory;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    ReferralResponses responses;

    @Inject
    ReferralLoop loop;

    @POST
    @Transactional // the idempotency key is claimed in the open's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:create")
    @Operation(operationId = "openReferral", summary = "Draft a referral (a coach for their own client)")
    @APIResponse(
            responseCode = "201",
            description = "Drafted; ask the client for consent next",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public Response open(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull OpenReferralRequest request) {
        return idempotency.once(key, "open-referral", request, () -> {
            Referral r = referrals.open(request.toNew());
            return ETags.created(URI.create("/v1/referrals/" + r.id), responses.view(r), r.version);
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:list")
    @Operation(
            operationId = "listReferrals",
            summary =
                    "Referrals a coach is responsible for (supervisors: all); overdue=true lists those waiting past their deadline")
    public Page<ReferralSummary> list(
            @QueryParam("status") @Size(max = Bounds.CODE) String status,
            @QueryParam("urgency") @Size(max = Bounds.CODE) String urgency,
            @QueryParam("origin") @Size(max = Bounds.CODE) String origin,
            @QueryParam("clientSubject") @Size(max = Bounds.SUBJECT) String clientSubject,
            @QueryParam("overdue") boolean overdue,
            @BeanParam PageParams page) {
        if (status != null && !ReferralLifecycle.isStatus(status)) {
            throw ProblemException.badRequest("status must be one of " + String.join(", ", ReferralLifecycle.STATUSES));
        }
        if (urgency != null && !Urgency.codes().contains(urgency)) {
            throw ProblemException.badRequest("urgency must be one of " + String.join(", ", Urgency.codes()));
        }
        AnswerDeadlines d = deadlines.deadlines();
        Instant now = Instant.now();
        return referrals
                .list(page.request(), new Referrals.Filter(status, urgency, origin, clientSubject, overdue))
                .map(r -> ReferralSummary.of(r, d, now));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read")
    @Operation(operationId = "getReferral", summary = "One referral in full (audited); ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Referral r = referrals.read(id);
        return ETags.okUnlessNotModified(ifNoneMatch, r.version, () -> responses.view(r));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:revise")
    @Operation(
            operationId = "reviseReferral",
            summary =
                    "Change the terms before it is sent (If-Match required); once the client was asked, they are asked again")
    @APIResponse(
            responseCode = "200",
            description = "Revised",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Already sent or closed")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response revise(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviseReferralRequest request) {
        return responses.ok(referrals.revise(id, ifMatch, request.terms()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read-history")
    @Operation(
            operationId = "getReferralHistory",
            summary = "Every step (who, when, why), newest first, a page at a time (audited)")
    public Page<StepView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return referrals.history(id, page.request()).map(StepView::of);
    }

    @GET
    @Path("{id}/fhir")
    @Produces({FhirServiceRequest.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral:read-fhir")
    @Operation(
            operationId = "getReferralAsFhir",
            summary = "The sent referral as a FHIR R4 ServiceRequest, holding only what the consent allows (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The ServiceRequest; ETag is the referral's version",
            content =
                    @Content(
                            mediaType = FhirServiceRequest.MEDIA_TYPE,
                            schema = @Schema(implementation = FhirServiceRequest.class)))
    @APIResponse(responseCode = "409", description = "Not sent yet")
    public Response fhir(@PathParam("id") UUID id) {
        Referral r = loop.readForRecipient(id);
        DirectoryService service = referrals.service(r).orElse(null);
        DirectoryOrganisation organisation = service == null ? null : directory.organisation(service.organisationId);
        FhirServiceRequest document =
                FhirServiceRequest.of(r, referrals.currentConsent(r).orElse(null), service, organisation);
        return Response.ok(document, FhirServiceRequest.MEDIA_TYPE)
                .tag(ETags.of(r.version))
                .build();
    }
}
