package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.session.domain.access.GoalPolicy;

/** A goal's milestones reached along the way: marked by the client or the practitioner, as action items are. */
@ApplicationScoped
public class Milestones {
    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    Goals goals;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    /**
     * Marks the milestone reached (at the first marking; marking it again keeps that time) or not reached. 404
     * for a milestone of another goal or engagement; 409 once the engagement is closed.
     */
    @Transactional
    public GoalMilestone mark(UUID engagementId, UUID goalId, UUID milestoneId, boolean reached) {
        Engagement e = engagements.readable(engagementId);
        Goal g = goals.goal(engagementId, goalId);
        GoalMilestone m = tenant.get(GoalMilestone.class, milestoneId, "Milestone");
        if (!m.goalId.equals(goalId)) {
            throw ProblemException.notFound("Milestone " + milestoneId);
        }
        policies.goals().require(policies.caller(), GoalPolicy.Action.MARK_MILESTONE, g, goalId);
        EngagementLifecycle.requireOpen(e.status, "its milestones change");
        if (!reached) {
            m.reachedAt = null;
        } else if (m.reachedAt == null) {
            m.reachedAt = Instant.now();
        }
        audit.record(reached ? "mark-milestone-reached" : "mark-milestone-not-reached", "goal", g.id, null);
        return m;
    }
}
