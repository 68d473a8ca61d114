package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.ChangeThresholds;
import org.praxis.intake.domain.Trajectories;
import org.praxis.intake.domain.Trajectory.Point;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

/** An intake's scores over time per instrument, each classified against the published thresholds. */
@Path("/v1/intakes/{id}/trajectories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class TrajectoryResource {
    /** The points one trajectory lists at most: the newest ones and the baseline. */
    static final int POINTS_MAX = Trajectories.MAX_POINTS + 1;

    @Inject
    Trajectories trajectories;

    public record TrajectoryPointView(
            @Schema(required = true) UUID screeningId,
            @Schema(required = true) Instant scoredAt,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            int total,

            @Schema(required = true, maxLength = Bounds.CODE, description = "The severity band of the total")
            String band,

            @Schema(minimum = "0", maximum = "100", description = "The percentage score, where the instrument has one")
            Integer percent) {
        static TrajectoryPointView of(Point p) {
            return new TrajectoryPointView(p.screeningId(), p.scoredAt(), p.total(), p.band(), p.percent());
        }
    }

    public record TrajectoryView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true, maxItems = POINTS_MAX, description = "Oldest first: the baseline, then the newest")
            List<TrajectoryPointView> points,

            @Schema(required = true, description = "Points between the baseline and the listed ones were left out")
            boolean earlierPointsOmitted,

            @Schema(required = true, description = "The first point")
            TrajectoryPointView baseline,

            @Schema(required = true) TrajectoryPointView latest,

            @Schema(
                    required = true,
                    minimum = "-" + IntakeViews.TOTAL_MAX,
                    maximum = IntakeViews.TOTAL_MAX,
                    description = "Latest total minus baseline total")
            int changeFromBaseline,

            @Schema(minimum = "-100", maximum = "100", description = "The same in percentage points, where scored so")
            Integer percentChangeFromBaseline,

            @Schema(
                    required = true,
                    maxLength = Bounds.CODE,
                    description = "Baseline to latest, by docs/measurement.md's thresholds")
            String classification,

            @Schema(
                    required = true,
                    description = "A reliable deterioration, or the latest band is more severe than the one before")
            boolean deteriorated,

            @Schema(required = true, maxLength = Bounds.CODE)
            String thresholdsVersion) {
        static TrajectoryView of(Trajectories.Series s) {
            var c = s.change();
            Integer percentChange = c.latest().percent() == null || c.baseline().percent() == null
                    ? null
                    : c.latest().percent() - c.baseline().percent();
            return new TrajectoryView(
                    s.instrument(),
                    s.points().stream().map(TrajectoryPointView::of).toList(),
                    s.earlierPointsOmitted(),
                    TrajectoryPointView.of(c.baseline()),
                    TrajectoryPointView.of(c.latest()),
                    c.changeFromBaseline(),
                    percentChange,
                    c.classification().code(),
                    c.deteriorated(),
                    ChangeThresholds.VERSION);
        }
    }

    public record TrajectoriesView(
            @Schema(required = true) UUID intakeId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String thresholdsVersion,

            @Schema(required = true, maxItems = Bounds.LIST, description = "One per instrument scored, by code")
            List<TrajectoryView> trajectories) {}

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "screening:view-trajectory")
    @Operation(
            operationId = "getTrajectories",
            summary = "Scores over time per instrument, with the change from the baseline and its classification"
                    + " (the intake's assigned coach, their supervisor; audited)")
    public TrajectoriesView trajectories(
            @PathParam("id") UUID id,
            @QueryParam("instrument") @Size(max = Bounds.CODE) @Parameter(description = "Only this instrument")
                    String instrument) {
        return new TrajectoriesView(
                id,
                ChangeThresholds.VERSION,
                trajectories.ofIntake(id, instrument).stream()
                        .map(TrajectoryView::of)
                        .toList());
    }
}
