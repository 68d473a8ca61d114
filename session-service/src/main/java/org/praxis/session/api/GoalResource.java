package org.praxis.session.api;

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
import org.praxis.session.domain.EngagementLimits;
import org.praxis.session.domain.GoalMilestone;
import org.praxis.session.domain.GoalProgress;
import org.praxis.session.domain.Goals;

@Path("/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Goals with their typology, progress the client rates, and action items")
public class GoalResource {
    @Inject
    Goals goals;

    @Inject
    IdempotencyKeys idempotency;

    public record MilestoneRequest(
            @NotBlank @Size(max = Bounds.NAME) String title, LocalDate dueDate) {}

    public record GoalRequest(
            @NotBlank @Size(max = Bounds.NAME) String title,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "proximal|distal")
            String horizon,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "performance|learning")
            String orientation,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "approach|avoidance")
            String direction,

            boolean selfConcordant,
            @Size(max = Goals.MAX_MILESTONES) List<@NotNull @Valid MilestoneRequest> milestones) {}

    /** {@code ratedOn}: today unless given; a day not yet begun is refused (the latest rating is the progress). */
    public record RatingRequest(
            @NotNull @Min(0) @Max(10) Integer rating,
            @NotAfterToday LocalDate ratedOn) {}

    public record MilestoneView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            LocalDate dueDate,
            Instant reachedAt) {
        static MilestoneView of(GoalMilestone m) {
            return new MilestoneView(m.id, m.title(), m.dueDate, m.reachedAt);
        }
    }

    public record ProgressView(
            @Schema(required = true, minimum = "0", maximum = "10")
            int rating,

            @Schema(required = true) LocalDate ratedOn) {
        static ProgressView of(GoalProgress p) {
            return new ProgressView(p.rating, p.ratedOn);
        }
    }

    /** A goal with its milestones and its latest ratings ({@code progress}, oldest first; the whole history is paged apart). */
    public record GoalView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            @Schema(required = true, maxLength = Bounds.CODE)
            String horizon,

            @Schema(required = true, maxLength = Bounds.CODE)
            String orientation,

            @Schema(required = true, maxLength = Bounds.CODE)
            String direction,

            @Schema(required = true) boolean selfConcordant,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxItems = Goals.MAX_MILESTONES)
            List<MilestoneView> milestones,

            @Schema(required = true, maxItems = Goals.RECENT_RATINGS)
            List<ProgressView> progress) {
        static GoalView of(Goals.GoalWithProgress g) {
            var goal = g.goal();
            return new GoalView(
                    goal.id,
                    goal.title(),
                    goal.horizon,
                    goal.orientation,
                    goal.direction,
                    goal.selfConcordant,
                    goal.status,
                    g.milestones().stream().map(MilestoneView::of).toList(),
                    g.progress().stream().map(ProgressView::of).toList());
        }
    }

    @POST
    @Path("goals")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "goal:add")
    @Operation(operationId = "addGoal", summary = "Record a goal agreed in the engagement, with milestones")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; it is listed with the engagement's goals",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The engagement is closed or in follow-up, or holds " + EngagementLimits.GOALS + " goals already")
    public Response add(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull GoalRequest request) {
        return idempotency.once(key, "add-goal " + id, request, () -> {
            var goal = goals.add(
                    id,
                    new Goals.NewGoal(
                            request.title(),
                            request.horizon(),
                            request.orientation(),
                            request.direction(),
                            request.selfConcordant(),
                            request.milestones() == null
                                    ? List.of()
                                    : request.milestones().stream()
                                            .map(m -> new Goals.NewMilestone(m.title(), m.dueDate()))
                                            .toList()));
            return Response.created(URI.create("/v1/engagements/" + id + "/goals"))
                    .entity(GoalView.of(new Goals.GoalWithProgress(goal, List.of(), List.of())))
                    .build();
        });
    }

    @GET
    @Path("goals")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "goal:list")
    @Operation(
            operationId = "listGoals",
            summary = "The engagement's goals, newest first, with milestones and the client's latest ratings")
    public Page<GoalView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return goals.ofEngagement(id, page.request()).map(GoalView::of);
    }

    @GET
    @Path("goals/{goalId}/progress")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "goal:view")
    @Operation(operationId = "listGoalProgress", summary = "Every rating of a goal, newest first")
    public Page<ProgressView> progress(
            @PathParam("id") UUID id, @PathParam("goalId") UUID goalId, @BeanParam PageParams page) {
        return goals.progress(id, goalId, page.request()).map(ProgressView::of);
    }

    @POST
    @Path("goals/{goalId}/progress")
    @Transactional // the idempotency key is claimed in the rating's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "goal:rate-progress")
    @Operation(operationId = "rateGoalProgress", summary = "The client rates progress on a goal, 0 to 10")
    @APIResponse(
            responseCode = "201",
            description = "Rated; the rating is listed with the goal's progress",
            content = @Content(schema = @Schema(implementation = ProgressView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The engagement is closed, or the goal holds " + EngagementLimits.RATINGS_PER_GOAL
                    + " ratings already")
    public Response rate(
            @PathParam("id") UUID id,
            @PathParam("goalId") UUID goalId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RatingRequest request) {
        return idempotency.once(
                key,
                "rate-goal-progress " + goalId,
                request,
                () -> Response.created(URI.create("/v1/engagements/" + id + "/goals/" + goalId + "/progress"))
                        .entity(ProgressView.of(goals.rate(id, goalId, request.rating(), request.ratedOn())))
                        .build());
    }
}
