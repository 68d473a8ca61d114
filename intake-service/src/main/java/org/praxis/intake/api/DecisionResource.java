package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.ClientPreferenceView;
import org.praxis.intake.api.IntakeViews.DecisionView;
import org.praxis.intake.domain.ClientPreference;
import org.praxis.intake.domain.Decisions;
import org.praxis.intake.domain.Instruments;
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.PathwayEscalation;
import org.praxis.intake.domain.PathwayReview;
import org.praxis.intake.domain.Triage;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;

/** An intake's triage recommendation and the practitioner's pathway decision. */
@Path("/v1/intakes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class DecisionResource {
    @Inject
    Decisions decisions;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PathwayReview review;

    public record RecommendationView(
            @Schema(required = true) Pathway pathway,

            @Schema(required = true, maxItems = Triage.MAX_REASONS)
            List<ReasonView> reasons,

            @Schema(
                    description = "The client's preference, to weigh beside the recommendation; none when they"
                            + " recorded none")
            ClientPreferenceView clientPreference) {
        static RecommendationView of(Decisions.Recommended recommended) {
            ClientPreference p = recommended.clientPreference();
            return of(recommended.recommendation(), p == null ? null : ClientPreferenceView.of(p));
        }

        static RecommendationView of(Triage.Recommendation r, ClientPreferenceView clientPreference) {
            return new RecommendationView(
                    r.pathway(),
                    r.reasons().stream()
                            .map(x -> new ReasonView(x.rule(), x.pathway(), x.detail()))
                            .toList(),
                    clientPreference);
        }
    }

    /** {@code detail} is one generated line: a flag code or an instrument with its total and threshold. */
    public record ReasonView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String rule,

            @Schema(required = true) Pathway pathway,
            @Schema(maxLength = Bounds.NAME) String detail) {}

    /** An instrument whose band moved between the latest score the decision saw and the latest now. */
    public record BandChangeView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(
                    maxLength = Bounds.CODE,
                    description = "The band when the pathway was decided; none when the instrument was first scored"
                            + " after it")
            String fromBand,

            @Schema(minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            Integer fromTotal,

            @Schema(required = true, maxLength = Bounds.CODE)
            String toBand,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            int toTotal) {
        static BandChangeView of(PathwayEscalation.BandChange c) {
            return new BandChangeView(c.instrument(), c.fromBand(), c.fromTotal(), c.toBand(), c.toTotal());
        }
    }

    public record RecomputedRecommendationView(
            @Schema(description = "The pathway decided; none before the decision")
            Pathway decidedPathway,

            @Schema(description = "What was recommended when the pathway was decided")
            Pathway recommendedAtDecision,

            @Schema(required = true) RecommendationView recomputed,

            @Schema(required = true, description = "The recomputed pathway differs from the decided one")
            boolean changed,

            @Schema(required = true, maxItems = Instruments.MAX_LISTED)
            List<BandChangeView> bandChanges) {
        static RecomputedRecommendationView of(PathwayReview.Review r) {
            Pathway decided = r.decision() == null ? null : Pathway.of(r.decision().pathway);
            return new RecomputedRecommendationView(
                    decided,
                    r.decision() == null ? null : Pathway.of(r.decision().recommendedPathway),
                    RecommendationView.of(r.recomputed(), null),
                    decided != null && decided != r.recomputed().pathway(),
                    r.changes().stream().map(BandChangeView::of).toList());
        }
    }

    // The example lives on the schema: generators ignore a request body's own example, with a warning.
    @Schema(
            examples = {
                "{\"pathway\": \"therapy\", \"practitionerId\": \"coach-7\","
                        + " \"reason\": \"Client asked for a therapist first\"}"
            })
    public record DecisionRequest(
            @NotNull Pathway pathway,

            @Size(max = Bounds.SUBJECT)
            @Schema(
                    description = "The subject of the coach whose engagement session-service drafts from this"
                            + " decision (coaching pathways; integrated needs one eligible for integrated practice)."
                            + " Without it no engagement is drafted: the answer's engagementDraft says so")
            String practitionerId,

            @Size(max = Bounds.REASON) String reason) {}

    @GET
    @Path("recommendation")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-recommendation")
    @Operation(operationId = "getRecommendation", summary = "The triage recommendation and every rule that fired")
    public RecommendationView recommendation(@PathParam("id") UUID id) {
        return RecommendationView.of(decisions.recommend(id));
    }

    @GET
    @Path("recommendation/recomputed")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-recommendation")
    @Operation(
            operationId = "getRecomputedRecommendation",
            summary = "The recommendation recomputed from the latest score of each instrument and the open risk"
                    + " flags, beside the decided pathway, with the instruments whose band moved since the decision"
                    + " (a read of scores, audited)")
    public RecomputedRecommendationView recomputed(@PathParam("id") UUID id) {
        return RecomputedRecommendationView.of(review.review(id));
    }

    @POST
    @Path("decision")
    @Transactional // the idempotency key is claimed in the decision's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:decide")
    @Operation(
            operationId = "decidePathway",
            summary = "Decide the pathway; differing from the recommendation needs a reason")
    @APIResponse(
            responseCode = "201",
            description = "Decided; intake.decided is published",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "Already decided")
    public Response decide(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull DecisionRequest request) {
        return idempotency.once(key, "decide-pathway " + id, request, () -> {
            Decisions.Decided done =
                    decisions.decide(id, request.pathway(), request.practitionerId(), request.reason());
            DecisionView view = DecisionView.of(done.decision(), done.engagementDraft(), done.clientPreference());
            return Response.created(URI.create("/v1/intakes/" + id + "/decision"))
                    .entity(view)
                    .build();
        });
    }
}
