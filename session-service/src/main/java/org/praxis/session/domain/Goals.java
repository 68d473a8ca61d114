package org.praxis.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;

/** Goals, milestones, progress ratings and action items of an engagement. */
@ApplicationScoped
public class Goals {
    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    CallerContext callerContext;
    @Inject
    Engagements engagements;
    @Inject
    AuditLog audit;

    public record NewGoal(String title, String horizon, String orientation, String direction, boolean selfConcordant,
                          List<NewMilestone> milestones) {
    }

    public record NewMilestone(String title, LocalDate dueDate) {
    }

    public record GoalWithProgress(Goal goal, List<GoalMilestone> milestones, List<GoalProgress> progress) {
    }

    /** Goals are agreed with the client: the practitioner or the client may record one. */
    @Transactional
    public Goal add(UUID engagementId, NewGoal g) {
        Engagement e = engagements.readable(engagementId);
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.tenantId = e.tenantId;
        goal.engagementId = e.id;
        goal.title = g.title();
        goal.horizon = g.horizon();
        goal.orientation = g.orientation();
        goal.direction = g.direction();
        goal.selfConcordant = g.selfConcordant();
        goal.status = Goal.OPEN;
        goal.createdAt = Instant.now();
        em.persist(goal);
        for (NewMilestone m : g.milestones() == null ? List.<NewMilestone>of() : g.milestones()) {
            GoalMilestone milestone = new GoalMilestone();
            milestone.id = UUID.randomUUID();
            milestone.tenantId = e.tenantId;
            milestone.goalId = goal.id;
            milestone.title = m.title();
            milestone.dueDate = m.dueDate();
            em.persist(milestone);
        }
        audit.record("create", "goal", goal.id, null);
        return goal;
    }

    public List<GoalWithProgress> ofEngagement(UUID engagementId) {
        engagements.readable(engagementId);
        return tenant.select(Goal.class, "e.engagementId = :e", "e.createdAt asc", Map.of("e", engagementId)).getResultList()
                .stream().map(g -> new GoalWithProgress(g,
                        tenant.select(GoalMilestone.class, "e.goalId = :g", "e.dueDate asc", Map.of("g", g.id)).getResultList(),
                        tenant.select(GoalProgress.class, "e.goalId = :g", "e.ratedOn asc, e.createdAt asc", Map.of("g", g.id))
                                .getResultList())).toList();
    }

    /** Only the client rates progress: success is judged by the person coached. */
    @Transactional
    public GoalProgress rate(UUID engagementId, UUID goalId, int rating, LocalDate on) {
        Engagement e = engagements.readable(engagementId);
        if (!callerContext.subject().equals(e.clientSubject)) {
            throw ProblemException.forbidden("Progress is rated by the client.");
        }
        Goal g = goal(engagementId, goalId);
        GoalProgress p = new GoalProgress();
        p.id = UUID.randomUUID();
        p.tenantId = g.tenantId;
        p.goalId = g.id;
        p.rating = rating;
        p.ratedBy = callerContext.subject();
        p.ratedOn = on == null ? LocalDate.now() : on;
        p.createdAt = Instant.now();
        em.persist(p);
        return p;
    }

    @Transactional
    public ActionItem addAction(UUID engagementId, UUID goalId, String title, LocalDate dueDate) {
        Engagement e = engagements.readable(engagementId);
        if (goalId != null) {
            goal(engagementId, goalId);
        }
        ActionItem a = new ActionItem();
        a.id = UUID.randomUUID();
        a.tenantId = e.tenantId;
        a.engagementId = e.id;
        a.goalId = goalId;
        a.title = title;
        a.dueDate = dueDate;
        a.createdAt = Instant.now();
        em.persist(a);
        return a;
    }

    @Transactional
    public ActionItem markDone(UUID engagementId, UUID actionId, boolean done) {
        engagements.readable(engagementId);
        ActionItem a = tenant.get(ActionItem.class, actionId, "Action");
        if (!a.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Action " + actionId);
        }
        a.done = done;
        a.doneAt = done ? Instant.now() : null;
        return a;
    }

    public List<ActionItem> actions(UUID engagementId) {
        engagements.readable(engagementId);
        return tenant.select(ActionItem.class, "e.engagementId = :e", "e.dueDate asc, e.createdAt asc",
                Map.of("e", engagementId)).getResultList();
    }

    /** The signed-in client's open actions across their engagements, soonest due first. */
    public List<ActionItem> myOpenActions() {
        return tenant.select(ActionItem.class, "e.done = false and e.engagementId in (select g.id from Engagement g"
                        + " where g.tenantId = :tenant and g.clientSubject = :me)", "e.dueDate asc, e.createdAt asc",
                Map.of("me", callerContext.subject())).setMaxResults(200).getResultList();
    }

    private Goal goal(UUID engagementId, UUID goalId) {
        Goal g = tenant.get(Goal.class, goalId, "Goal");
        if (!g.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Goal " + goalId);
        }
        return g;
    }
}
