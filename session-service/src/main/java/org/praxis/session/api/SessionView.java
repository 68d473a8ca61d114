package org.praxis.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.CoachingSession;

/** A session as its client, practitioner and their supervisor read it (never notes). */
public record SessionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID engagementId,
        @Schema(required = true) Instant scheduledAt,

        @Schema(required = true, minimum = "" + SessionResource.MIN_MINUTES, maximum = "" + SessionResource.MAX_MINUTES)
        int durationMinutes,

        @Schema(required = true, maxLength = Bounds.CODE) String mode,

        @Schema(maxLength = Bounds.CODE) String model,

        @Schema(required = true, maxLength = Bounds.CODE) String status,

        @Schema(maxLength = Bounds.CODE) String cancelledBy,
        Boolean cancelledLate,
        @Schema(minimum = "0", maximum = "10") Integer scaling,
        Boolean previousGoalsReviewed,
        Instant completedAt,

        @Schema(required = true, description = "A booster session of the follow-up")
        boolean booster,

        @Schema(
                maxItems = CoachingSession.MAX_GOALS_REVIEWED,
                description = "Goals of this engagement a held session reviewed, with the client's rating then")
        List<CoachingSession.GoalReviewed> goalsReviewed,

        @Schema(maxLength = Bounds.TEXT, description = "The priorities agreed for the next period")
        String nextPriorities) {
    static SessionView of(CoachingSession s) {
        return new SessionView(
                s.id,
                s.engagementId,
                s.scheduledAt,
                s.durationMinutes,
                s.mode,
                s.model,
                s.status,
                s.cancelledBy,
                s.cancelledLate,
                s.scaling,
                s.previousGoalsReviewed,
                s.completedAt,
                s.booster,
                s.goalsReviewed,
                s.nextPriorities());
    }
}
