package org.praxis.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.session.api.GoalResource.ProgressView;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.Goals;
import org.praxis.session.domain.Outcomes;
import org.praxis.session.domain.ScoreTrajectory;

/** What changed in an engagement, on data: what its end review rests on (issue 21). */
@Path("/v1/engagements/{id}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Periodic reviews and the end review that closes an engagement")
public class OutcomeResource {
    /** The longest band code or thresholds version intake-service sends. */
    static final int LABEL = 100;

    private static final String TOTAL_MAX = "" + ScoreTrajectory.MAX_TOTAL;

    @Inject
    Outcomes outcomes;

    /**
     * One instrument from the first score (baseline) to the latest, as intake-service classified it. The band
     * codes and the classification are absent for the client, who reads the tenant's wording instead.
     */
    public record InstrumentOutcomeView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true, minimum = "0", maximum = TOTAL_MAX)
            int baselineTotal,

            @Schema(required = true, minimum = "0", maximum = TOTAL_MAX)
            int latestTotal,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = LABEL)
            String baselineBand,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = LABEL)
            String latestBand,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = Bounds.CODE)
            String classification,

            @Schema(required = true, maxLength = LABEL, description = "The published thresholds' version it used")
            String thresholdsVersion,

            @Schema(required = true) Instant updatedAt) {
        static InstrumentOutcomeView of(ScoreTrajectory t, boolean codes) {
            return new InstrumentOutcomeView(
                    t.instrument,
                    t.baselineTotal,
                    t.latestTotal,
                    codes ? t.baselineBand : null,
                    codes ? t.latestBand : null,
                    codes ? t.classification : null,
                    t.thresholdsVersion,
                    t.updatedAt);
        }
    }

    /** A goal with the client's latest ratings, oldest first. */
    public record GoalRatingsView(
            @Schema(required = true) UUID goalId,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            @Schema(required = true, maxItems = Goals.RECENT_RATINGS)
            List<ProgressView> ratings) {
        static GoalRatingsView of(Goals.GoalWithProgress g) {
            return new GoalRatingsView(
                    g.goal().id,
                    g.goal().title(),
                    g.progress().stream().map(ProgressView::of).toList());
        }
    }

    /** The client's 0-10 scaling at a held session. */
    public record ScalingPointView(
            @Schema(required = true) UUID sessionId,
            @Schema(required = true) Instant heldAt,

            @Schema(required = true, minimum = "0", maximum = "10")
            int scaling) {
        static ScalingPointView of(CoachingSession s) {
            return new ScalingPointView(s.id, s.scheduledAt, s.scaling);
        }
    }

    public record EngagementOutcomeView(
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxItems = Bounds.LIST) List<InstrumentOutcomeView> instruments,

            @Schema(required = true, maxItems = Outcomes.GOALS)
            List<GoalRatingsView> goals,

            @Schema(required = true, maxItems = CoachingSession.MAX_PER_ENGAGEMENT)
            List<ScalingPointView> scaling) {}

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "outcome:view")
    @Operation(
            operationId = "getEngagementOutcome",
            summary = "What changed: per instrument the baseline and latest score with its classification, the client's"
                    + " goal ratings over time and the session scaling trend; the client sees no band or"
                    + " classification codes (audited)")
    public EngagementOutcomeView get(@PathParam("id") UUID id) {
        Outcomes.Outcome o = outcomes.of(id);
        return new EngagementOutcomeView(
                o.engagement().id,
                o.trajectories().stream()
                        .map(t -> InstrumentOutcomeView.of(t, o.codes()))
                        .toList(),
                o.goals().stream().map(GoalRatingsView::of).toList(),
                o.scaledSessions().stream().map(ScalingPointView::of).toList());
    }
}
