package org.praxis.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.NotAfterToday;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.ClientJudgements;
import org.praxis.session.domain.FollowUps;
import org.praxis.session.domain.Review;
import org.praxis.session.domain.Reviews;

@Path("/v1/engagements/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Periodic reviews and the end review that closes an engagement")
public class ReviewResource {
    @Inject
    Reviews reviews;

    @Inject
    ClientJudgements judgements;

    @Inject
    IdempotencyKeys idempotency;

    /** Boosters an end review offers at most. */
    public static final int MAX_BOOSTERS = 20;

    public record ReviewRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "periodic|end")
            String kind,

            @NotAfterToday LocalDate heldOn,
            @Size(max = Bounds.TEXT) String whatChanged,
            @Size(max = Bounds.TEXT) String sharedSummary,
            @Size(max = Bounds.LIST) List<@NotNull UUID> goalsMet,
            boolean followUpOffered,
            @Min(0) @Max(MAX_BOOSTERS) int boosterSessionsOffered,
            @Valid FollowUpRequest followUp) {}

    /**
     * The follow-up an end review agrees: dates after the review, and booster sessions held by {@code
     * boostersWithin}; with one the engagement moves to follow-up instead of closing.
     */
    public record FollowUpRequest(
            @Size(max = FollowUps.MAX_DATES) List<@NotNull LocalDate> dates,
            @Min(0) @Max(FollowUps.MAX_BOOSTERS) int boosterSessions,
            LocalDate boostersWithin) {
        FollowUps.Plan plan() {
            return new FollowUps.Plan(dates, boosterSessions, boostersWithin);
        }
    }

    public record GoalJudgementRequest(
            @NotNull UUID goalId,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "met|partly|not-met")
            String judgement) {}

    public record ClientJudgementRequest(
            @Size(max = Bounds.TEXT) String whatChanged,
            @NotNull @Size(max = Bounds.LIST) List<@NotNull @Valid GoalJudgementRequest> goals) {}

    public record GoalJudgementView(
            @Schema(required = true) UUID goalId,

            @Schema(required = true, maxLength = Bounds.CODE, description = "met, partly or not-met")
            String judgement) {}

    /** The client's own judgement at the end review: each goal as they judge it, what changed for them. */
    public record ClientJudgementView(
            @Schema(maxLength = Bounds.TEXT) String whatChanged,
            @Schema(required = true, maxItems = Bounds.LIST) List<GoalJudgementView> goals,
            @Schema(required = true) Instant judgedAt) {
        static ClientJudgementView of(ClientJudgements.Judged j) {
            return new ClientJudgementView(
                    j.judgement().whatChanged(),
                    j.goals().stream()
                            .map(g -> new GoalJudgementView(g.goalId, g.judgement))
                            .toList(),
                    j.judgement().createdAt);
        }
    }

    /**
     * A review; {@code whatChanged}, the practitioner's own text, is absent for the client (who sees {@code
     * sharedSummary}); {@code clientJudgement}, the client's own view of an end review, sits beside the
     * practitioner's {@code goalsMet} once given.
     */
    public record ReviewView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            @Schema(required = true) LocalDate heldOn,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = Bounds.TEXT)
            String whatChanged,

            @Schema(maxLength = Bounds.TEXT) String sharedSummary,
            @Schema(required = true, maxItems = Bounds.LIST) List<UUID> goalsMet,
            @Schema(required = true) boolean followUpOffered,

            @Schema(required = true, minimum = "0", maximum = "" + MAX_BOOSTERS)
            int boosterSessionsOffered,

            @Schema(required = true) Instant createdAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) ClientJudgementView clientJudgement) {
        static ReviewView of(Review r, boolean practitionerText, ClientJudgements.Judged judged) {
            return new ReviewView(
                    r.id,
                    r.kind,
                    r.heldOn,
                    practitionerText ? r.whatChanged() : null,
                    r.sharedSummary(),
                    r.goalsMet == null || r.goalsMet.isEmpty()
                            ? List.of()
                            : Arrays.stream(r.goalsMet.split(","))
                                    .map(UUID::fromString)
                                    .toList(),
                    r.followUpOffered,
                    r.boosterSessionsOffered,
                    r.createdAt,
                    judged == null ? null : ClientJudgementView.of(judged));
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "review:record")
    @Operation(
            operationId = "recordReview",
            summary =
                    "Record a periodic review, or the end review (goals met as the client judges them) that closes the"
                            + " engagement, or moves it to follow-up when it agrees follow-up dates or booster sessions")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; it is listed with the engagement's reviews",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "409", description = "Not active or paused, or as many periodic reviews as it may")
    @APIResponse(responseCode = "422", description = "A follow-up that is not an end review's, or dates outside it")
    public Response record(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ReviewRequest request) {
        return idempotency.once(key, "record-review " + id, request, () -> {
            Review r = reviews.record(
                    id,
                    new Reviews.NewReview(
                            request.kind(),
                            request.heldOn(),
                            request.whatChanged(),
                            request.sharedSummary(),
                            request.goalsMet(),
                            request.followUpOffered(),
                            request.boosterSessionsOffered(),
                            request.followUp() == null
                                    ? null
                                    : request.followUp().plan()));
            return Response.created(URI.create("/v1/engagements/" + id + "/reviews"))
                    .entity(ReviewView.of(r, true, null))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "review:list")
    @Operation(
            operationId = "listReviews",
            summary =
                    "The engagement's reviews, newest first; the client sees what each shares with them, not the practitioner's text")
    public Page<ReviewView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return reviews.ofEngagement(id, page.request())
                .map(s -> ReviewView.of(s.review(), s.practitionerText(), s.clientJudgement()));
    }

    @POST
    @Path("{reviewId}/client-judgement")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "review:judge-goals")
    @Operation(
            operationId = "judgeGoalsAtEndReview",
            summary = "The client judges each goal (met, partly, not met) and says what changed for them, once per"
                    + " end review; shown beside the practitioner's view, to the client and the practitioner")
    @APIResponse(
            responseCode = "201",
            description = "Given; it is shown with the review",
            content = @Content(schema = @Schema(implementation = ClientJudgementView.class)))
    @APIResponse(responseCode = "409", description = "Not an end review, or judged already")
    public Response judge(
            @PathParam("id") UUID id,
            @PathParam("reviewId") UUID reviewId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ClientJudgementRequest request) {
        return idempotency.once(key, "judge-goals " + reviewId, request, () -> {
            ClientJudgements.Judged j = judgements.judge(
                    id,
                    reviewId,
                    request.whatChanged(),
                    request.goals().stream()
                            .map(g -> new ClientJudgements.GoalJudgement(g.goalId(), g.judgement()))
                            .toList());
            return Response.created(URI.create("/v1/engagements/" + id + "/reviews"))
                    .entity(ClientJudgementView.of(j))
                    .build();
        });
    }
}
