package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.praxis.session.api.ContractViews.ContractSummary;
import org.praxis.session.api.ContractViews.ContractView;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.api.EngagementViews.OpenEngagementRequest;
import org.praxis.session.api.EngagementViews.ProposeContractRequest;
import org.praxis.session.api.EngagementViews.StatusRequest;
import org.praxis.session.domain.Contracts;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.EngagementLimits;
import org.praxis.session.domain.Engagements;
import org.praxis.session.domain.access.EngagementPolicy;

@Path("/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "Coaching engagements and their versioned contracts")
public class EngagementResource {
    @Inject
    Engagements engagements;

    @Inject
    Contracts contracts;

    @Inject
    IdempotencyKeys idempotency;

    @POST
    @Transactional // the idempotency key is claimed in the open's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:open")
    @Operation(operationId = "openEngagement", summary = "Open a draft engagement (a coach for themselves)")
    @APIResponse(
            responseCode = "201",
            description = "Opened as a draft; it becomes active when its contract is accepted; ETag is its version",
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    public Response open(
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull OpenEngagementRequest request) {
        return idempotency.once(key, "open-engagement", request, () -> {
            Engagement e = engagements.open(new Engagements.NewEngagement(
                    request.clientSubject(),
                    request.practitionerId(),
                    request.pathway(),
                    request.sponsorOrganisation(),
                    request.sessionsPrepaid()));
            return ETags.created(URI.create("/v1/engagements/" + e.id), EngagementView.of(e), e.version);
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:list")
    @Operation(
            operationId = "listEngagements",
            summary = "Engagements the caller is client or practitioner of (supervisors: their supervisees' too); a"
                    + " client reads no pathway code")
    public Page<EngagementView> list(
            @QueryParam("status") @Size(max = Bounds.CODE) @Pattern(regexp = "draft|active|paused|follow-up|closed")
                    String status,
            @BeanParam PageParams page) {
        Predicate<Engagement> pathwayShown = engagements.pathwayShown();
        return engagements
                .list(page.request(), status, EngagementPolicy.Action.LIST)
                .map(e -> EngagementView.of(e, pathwayShown.test(e)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:view")
    @Operation(
            operationId = "getEngagement",
            summary = "One engagement; ETag is its version (its client reads no pathway code)")
    @APIResponse(
            responseCode = "200",
            description = "The engagement",
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Engagement e = engagements.readable(id);
        return ETags.okUnlessNotModified(
                ifNoneMatch,
                e.version,
                () -> EngagementView.of(e, engagements.pathwayShown().test(e)));
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:change-status")
    @Operation(operationId = "changeEngagementStatus", summary = "Pause, resume or close (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response move(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StatusRequest request) {
        Engagement e = engagements.move(id, request.status(), ifMatch);
        return ETags.ok(EngagementView.of(e), e.version);
    }

    @POST
    @Path("{id}/contracts")
    @Transactional // the idempotency key is claimed in the proposal's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "contract:propose")
    @Operation(
            operationId = "proposeContract",
            summary = "Propose the next contract version; every required party must accept it")
    @APIResponse(
            responseCode = "201",
            description = "Proposed",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The engagement is closed, or holds " + EngagementLimits.CONTRACT_VERSIONS + " versions already")
    public Response propose(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ProposeContractRequest request) {
        return idempotency.once(key, "propose-contract " + id, request, () -> {
            Contracts.Version v = contracts.propose(id, request.terms());
            return Response.created(URI.create("/v1/engagements/" + id + "/contracts/" + v.contract().number))
                    .entity(ContractView.of(v, true))
                    .build();
        });
    }

    @GET
    @Path("{id}/contracts")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "contract:list")
    @Operation(
            operationId = "listContractVersions",
            summary =
                    "The versions of the engagement's contract the caller may see (a party: those naming them), newest first")
    public Page<ContractSummary> versions(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return contracts.visibleVersions(id, page.request()).map(c -> new ContractSummary(c.id, c.number, c.createdAt));
    }

    @GET
    @Path("{id}/contracts/{number}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "contract:view")
    @Operation(
            operationId = "getContractVersion",
            summary =
                    "One contract version with its parties and acceptances, to the engagement's people and the parties it names (audited)")
    public ContractView version(
            @PathParam("id") UUID id, @PathParam("number") @Min(1) @Max(Integer.MAX_VALUE) int number) {
        Contracts.Version v = contracts.read(id, number);
        return ContractView.of(v, contracts.showsTherapy(v));
    }

    @POST
    @Path("{id}/contracts/{number}/acceptance")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "contract:accept")
    @Operation(operationId = "acceptContract", summary = "The caller, a party to this version, accepts it")
    @APIResponse(
            responseCode = "200",
            description = "Accepted; when all required parties have, the engagement is active")
    @APIResponse(
            responseCode = "409",
            description = "Not taken now: a newer version replaced this one, or the engagement closed; a party who does"
                    + " not read the engagement (a sponsor) is told only that, and the client also when the practitioner"
                    + " is not eligible for the work")
    @APIResponse(
            responseCode = "422",
            description = "To the practitioner's side: the practitioner is not eligible for integrated work")
    public ContractView accept(
            @PathParam("id") UUID id, @PathParam("number") @Min(1) @Max(Integer.MAX_VALUE) int number) {
        Contracts.Version v = contracts.accept(id, number);
        return ContractView.of(v, contracts.showsTherapy(v));
    }
}
