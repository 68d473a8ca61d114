package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Violation;

/**
 * The goals a held session reviewed, with the client's rating then: each must be a goal of the session's
 * engagement, and each rating joins that goal's progress history as any rating does ({@link Goals}).
 */
@ApplicationScoped
class GoalReviews {
    @Inject
    TenantQueries tenant;

    @Inject
    Goals goals;

    /**
     * The reviewed goals by id; 422 naming each that is not one of the engagement's (or appears twice), before
     * anything is saved.
     */
    Map<UUID, Goal> requireOfEngagement(UUID engagementId, List<CoachingSession.GoalReviewed> reviewed) {
        if (reviewed.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Goal> own = tenant.select(
                        Goal.class,
                        "e.engagementId = :e and e.id in :ids",
                        null,
                        Map.of(
                                "e",
                                engagementId,
                                "ids",
                                reviewed.stream()
                                        .map(CoachingSession.GoalReviewed::goalId)
                                        .toList()))
                .getResultStream()
                .collect(Collectors.toMap(g -> g.id, g -> g));
        Set<UUID> seen = new HashSet<>();
        Violation.refuseAny(
                "A reviewed goal is not one of this engagement's",
                IntStream.range(0, reviewed.size())
                        .filter(i -> !own.containsKey(reviewed.get(i).goalId())
                                || !seen.add(reviewed.get(i).goalId()))
                        .mapToObj(i -> new Violation(
                                "goalsReviewed[" + i + "].goalId", "must be a goal of this engagement, once"))
                        .toList());
        return own;
    }

    /** A session was held reviewing these goals ({@code own}: as checked): each rating joins the goal's progress. */
    void held(Map<UUID, Goal> own, List<CoachingSession.GoalReviewed> reviewed) {
        reviewed.forEach(r -> goals.recordProgress(own.get(r.goalId()), r.rating(), LocalDate.now()));
    }
}
