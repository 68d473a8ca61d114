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
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.GoalPolicy;

/** Goals, milestones, progress ratings and action items of an engagement. */
@ApplicationScoped
public class Goals {
    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    Engagements engagements;
    @Inject
    AuditLog audit;
    @Inject
    Policies policies;

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
        goal.engagementId = e.id;
        if (!policies.goals().can(policies.caller(), GoalPolicy.Action.ADD, goal)) {
            throw ProblemException.forbidden("You may not add goals to this engagement.");
        }
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
        GoalPolicy policy = policies.goals();
        policy.requireAllowed(policies.caller(), GoalPolicy.Action.LIST);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("eng", engagementId));
        return tenant.select(Goal.class, "e.engagementId = :eng and (" + policy.listFilter(policies.caller(), params) + ")",
                        "e.createdAt asc", params).getResultList()
                .stream().map(g -> new GoalWithProgress(g,
                        tenant.select(GoalMilestone.class, "e.goalId = :g", "e.dueDate asc", Map.of("g", g.id)).getResultList(),
                        tenant.select(GoalProgress.class, "e.goalId = :g", "e.ratedOn asc, e.createdAt asc", Map.of("g", g.id))
                                .getResultList())).toList();
    }

    /** Only the client rates progress: success is judged by the person coached. */
    @Transactional
    public GoalProgress rate(UUID engagementId, UUID goalId, int rating, LocalDate on) {
        engagements.readable(engagementId);
        Goal g = goal(engagementId, goalId);
        if (!policies.goals().can(policies.caller(), GoalPolicy.Action.RATE_PROGRESS, g)) {
            throw ProblemException.forbidden("Progress is rated by the client.");
        }
        GoalProgress p = new GoalProgress();
        p.id = UUID.randomUUID();
        p.tenantId = g.tenantId;
        p.goalId = g.id;
        p.rating = rating;
        p.ratedBy = policies.subject();
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
        if (!policies.actions().can(policies.caller(), ActionItemPolicy.Action.ADD, a)) {
            throw ProblemException.forbidden("You may not add actions to this engagement.");
        }
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
        policies.actions().require(policies.caller(), ActionItemPolicy.Action.MARK_DONE, a, actionId);
        a.done = done;
        a.doneAt = done ? Instant.now() : null;
        return a;
    }

    public List<ActionItem> actions(UUID engagementId) {
        engagements.readable(engagementId);
        ActionItemPolicy policy = policies.actions();
        policy.requireAllowed(policies.caller(), ActionItemPolicy.Action.LIST);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("eng", engagementId));
        return tenant.select(ActionItem.class, "e.engagementId = :eng and (" + policy.listFilter(policies.caller(), params) + ")",
                "e.dueDate asc, e.createdAt asc", params).getResultList();
    }

    /** The signed-in client's open actions across their engagements, soonest due first. */
    public List<ActionItem> myOpenActions() {
        ActionItemPolicy policy = policies.actions();
        policy.requireAllowed(policies.caller(), ActionItemPolicy.Action.LIST_OWN);
        Map<String, Object> params = new java.util.HashMap<>();
        String own = policy.filter(policies.caller(), ActionItemPolicy.Action.LIST_OWN).jpql("e", params);
        return tenant.select(ActionItem.class, "e.done = false and (" + own + ")", "e.dueDate asc, e.createdAt asc", params)
                .setMaxResults(200).getResultList();
    }

    private Goal goal(UUID engagementId, UUID goalId) {
        Goal g = tenant.get(Goal.class, goalId, "Goal");
        if (!g.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Goal " + goalId);
        }
        return g;
    }
}
