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
import org.praxis.session.domain.ProgressSummaries;
import org.praxis.session.domain.ProgressSummary;

@Path("/v1/engagements/{id}/progress-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Progress summaries",
        description = "Summaries for the sponsor: the practitioner drafts, the client approves or rejects")
public class ProgressSummaryResource {
    @Inject
    ProgressSummaries summaries;

    @Inject
    IdempotencyKeys idempotency;

    public record DraftSummaryRequest(
            @NotBlank @Size(max = Bounds.TEXT) String body) {}

    public record SummaryDecisionRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "approved|rejected")
            String decision) {}

    public record ProgressSummaryView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.TEXT)
            String body,

            @Schema(required = true, maxLength = Bounds.CODE, description = "draft, approved, rejected or withdrawn")
            String status,

            @Schema(required = true) Instant draftedAt,
            Instant decidedAt,

            @Schema(required = true, minimum = "0", maximum = EngagementViews.COUNT_MAX)
            long version) {
        static ProgressSummaryView of(ProgressSummary s) {
            return new ProgressSummaryView(s.id, s.body(), s.status, s.draftedAt, s.decidedAt, s.version);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "progress-summary:draft")
    @Operation(
            operationId = "draftProgressSummary",
            summary = "The practitioner drafts a progress summary for the sponsor; it reaches them only once the"
                    + " client approved it and the contract in force discloses summaries")
    @APIResponse(
            responseCode = "201",
            description = "Drafted; ETag is its version",
            content = @Content(schema = @Schema(implementation = ProgressSummaryView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The engagement is not active or paused, or holds " + EngagementLimits.PROGRESS_SUMMARIES
                    + " progress summaries already")
    public Response draft(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull DraftSummaryRequest request) {
        return idempotency.once(key, "draft-progress-summary " + id, request, () -> {
            ProgressSummary s = summaries.draft(id, request.body());
            return ETags.created(
                    URI.create("/v1/engagements/" + id + "/progress-summaries/" + s.id),
                    ProgressSummaryView.of(s),
                    s.version);
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "progress-summary:list")
    @Operation(
            operationId = "listProgressSummaries",
            summary = "The engagement's progress summaries, newest first, to its client, practitioner and supervisor")
    public Page<ProgressSummaryView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return summaries.ofEngagement(id, page.request()).map(ProgressSummaryView::of);
    }

    @GET
    @Path("{summaryId}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "progress-summary:view")
    @Operation(operationId = "getProgressSummary", summary = "One progress summary; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(schema = @Schema(implementation = ProgressSummaryView.class)))
    public Response read(@PathParam("id") UUID id, @PathParam("summaryId") UUID summaryId) {
        ProgressSummary s = summaries.read(id, summaryId);
        return ETags.ok(ProgressSummaryView.of(s), s.version);
    }

    @POST
    @Path("{summaryId}/decision")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "progress-summary:decide")
    @Operation(
            operationId = "decideProgressSummary",
            summary = "The engagement's client approves or rejects a draft (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Decided; ETag is its new version",
            content = @Content(schema = @Schema(implementation = ProgressSummaryView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft any more")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response decide(
            @PathParam("id") UUID id,
            @PathParam("summaryId") UUID summaryId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SummaryDecisionRequest request) {
        ProgressSummary s = summaries.decide(id, summaryId, request.decision(), ifMatch);
        return ETags.ok(ProgressSummaryView.of(s), s.version);
    }

    @POST
    @Path("{summaryId}/withdrawal")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "progress-summary:withdraw")
    @Operation(
            operationId = "withdrawProgressSummary",
            summary = "The practitioner withdraws a draft the client has not decided (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn; ETag is its new version",
            content = @Content(schema = @Schema(implementation = ProgressSummaryView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft any more")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response withdraw(
            @PathParam("id") UUID id, @PathParam("summaryId") UUID summaryId, @HeaderParam("If-Match") String ifMatch) {
        ProgressSummary s = summaries.withdraw(id, summaryId, ifMatch);
        return ETags.ok(ProgressSummaryView.of(s), s.version);
    }
}
