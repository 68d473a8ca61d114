package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
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

    public record NewGoal(
            String title,
            String horizon,
            String orientation,
            String direction,
            boolean selfConcordant,
            List<NewMilestone> milestones) {}

    public record NewMilestone(String title, LocalDate dueDate) {}

    /** A goal with its milestones and its latest ratings (at most {@link #RECENT_RATINGS}, oldest first). */
    public record GoalWithProgress(Goal goal, List<GoalMilestone> milestones, List<GoalProgress> progress) {}

    /** Ratings a goal shows in a list; the whole history is paged by {@link #progress}. */
    public static final int RECENT_RATINGS = 10;
    /** Milestones a goal has (they are recorded with it). */
    public static final int MAX_MILESTONES = 20;

    /** Goals are agreed with the client: the practitioner or the client may record one. */
    @Transactional
    public Goal add(UUID engagementId, NewGoal g) {
        Engagement e = engagements.readable(engagementId);
        Goal goal = new Goal();
        goal.engagementId = e.id;
        if (!policies.goals().can(policies.caller(), GoalPolicy.Action.ADD, goal)) {
            throw ProblemException.forbidden("You may not add goals to this engagement.");
        }
        EngagementLifecycle.requireOpen(e.status, "it takes goals");
        if (EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            throw ProblemException.conflict("Goals are agreed before the end review; this engagement is in follow-up.");
        }
        EngagementLimits.requireRoom(em, e, Goal.class, EngagementLimits.GOALS, "goals");
        goal.id = UUID.randomUUID();
        goal.tenantId = e.tenantId;
        goal.engagementId = e.id;
        goal.title(g.title());
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
            milestone.title(m.title());
            milestone.dueDate = m.dueDate();
            em.persist(milestone);
        }
        audit.record("create", "goal", goal.id, null);
        return goal;
    }

    /**
     * A page of the engagement's goals, newest first, each with its milestones and latest ratings: three
     * queries a page, whatever its size.
     */
    public Page<GoalWithProgress> ofEngagement(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        GoalPolicy policy = policies.goals();
        policy.requireAllowed(policies.caller(), GoalPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        Page<Goal> goals = tenant.pageNewestFirst(Goal.class, where, params, page, "e.createdAt");
        List<UUID> ids = goals.items().stream().map(g -> g.id).toList();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), goals.nextCursor());
        }
        Map<UUID, List<GoalMilestone>> milestones = tenant.select(
                        GoalMilestone.class, "e.goalId in :ids", "e.dueDate asc, e.id asc", Map.of("ids", ids))
                .getResultStream()
                .collect(Collectors.groupingBy(m -> m.goalId));
        Map<UUID, List<GoalProgress>> recent =
                recentRatings(ids).stream().collect(Collectors.groupingBy(p -> p.goalId));
        return new Page<>(
                goals.items().stream()
                        .map(g -> new GoalWithProgress(
                                g, milestones.getOrDefault(g.id, List.of()), recent.getOrDefault(g.id, List.of())))
                        .toList(),
                goals.nextCursor());
    }

    /** The latest {@link #RECENT_RATINGS} ratings of each goal, oldest first, in one query. */
    @SuppressWarnings("unchecked")
    private List<GoalProgress> recentRatings(List<UUID> goalIds) {
        return em.createNativeQuery(
                        "select id, tenant_id, goal_id, rating, rated_by, rated_on, created_at from ("
                                + "select p.*, row_number() over (partition by p.goal_id order by p.rated_on desc, p.created_at desc) as n"
                                + " from goal_progress p where p.tenant_id = :tenant and p.goal_id in (:goals)) recent"
                                + " where n <= :recent order by rated_on, created_at",
                        GoalProgress.class)
                .setParameter("tenant", tenant.tenantId())
                .setParameter("goals", goalIds)
                .setParameter("recent", RECENT_RATINGS)
                .getResultList();
    }

    /** A page of a goal's ratings, newest first, to whoever sees the goal. */
    public Page<GoalProgress> progress(UUID engagementId, UUID goalId, PageRequest page) {
        engagements.readable(engagementId);
        Goal g = policies.goals().requireView(policies.caller(), goal(engagementId, goalId), goalId);
        Map<String, Object> params = new HashMap<>(Map.of("goal", g.id));
        return tenant.pageNewestFirst(
                GoalProgress.class, new ArrayList<>(List.of("e.goalId = :goal")), params, page, "e.createdAt");
    }

    /** Only the client rates progress: success is judged by the person coached. */
    @Transactional
    public GoalProgress rate(UUID engagementId, UUID goalId, int rating, LocalDate on) {
        Engagement e = engagements.readable(engagementId);
        Goal g = goal(engagementId, goalId);
        if (!policies.goals().can(policies.caller(), GoalPolicy.Action.RATE_PROGRESS, g)) {
            throw ProblemException.forbidden("Progress is rated by the client.");
        }
        EngagementLifecycle.requireOpen(e.status, "its goals take ratings");
        EngagementLimits.requireRoomForRating(em, e, g);
        return recordProgress(g, rating, on == null ? LocalDate.now() : on);
    }

    /** A rating joins the goal's progress history: the client's own, or theirs as a held session recorded it. */
    GoalProgress recordProgress(Goal g, int rating, LocalDate on) {
        GoalProgress p = new GoalProgress();
        p.id = UUID.randomUUID();
        p.tenantId = g.tenantId;
        p.goalId = g.id;
        p.rating = rating;
        p.ratedBy = policies.subject();
        p.ratedOn = on;
        p.createdAt = Instant.now();
        em.persist(p);
        audit.record("rate-progress", "goal", g.id, null);
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
        EngagementLifecycle.requireOpen(e.status, "it takes actions");
        EngagementLimits.requireRoom(em, e, ActionItem.class, EngagementLimits.ACTIONS, "actions");
        a.goalId = goalId;
        a.title(title);
        a.dueDate = dueDate;
        a.createdAt = Instant.now();
        em.persist(a);
        audit.record("create", "action-item", a.id, null);
        return a;
    }

    @Transactional
    public ActionItem markDone(UUID engagementId, UUID actionId, boolean done) {
        Engagement e = engagements.readable(engagementId);
        ActionItem a = tenant.get(ActionItem.class, actionId, "Action");
        if (!a.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Action " + actionId);
        }
        policies.actions().require(policies.caller(), ActionItemPolicy.Action.MARK_DONE, a, actionId);
        EngagementLifecycle.requireOpen(e.status, "its actions change");
        a.done = done;
        a.doneAt = done ? Instant.now() : null;
        audit.record(done ? "mark-done" : "mark-not-done", "action-item", a.id, null);
        return a;
    }

    /** A page of the engagement's action items, soonest due first (undated last). */
    public Page<ActionItem> actions(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        ActionItemPolicy policy = policies.actions();
        policy.requireAllowed(policies.caller(), ActionItemPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        return tenant.pageSoonestFirst(ActionItem.class, where, params, page, "e.dueDate");
    }

    /** The signed-in client's open actions of their engagements not closed, soonest due first (undated last). */
    public Page<ActionItem> myOpenActions(PageRequest page) {
        ActionItemPolicy policy = policies.actions();
        policy.requireAllowed(policies.caller(), ActionItemPolicy.Action.LIST_OWN);
        Map<String, Object> params = new HashMap<>(Map.of("closed", EngagementLifecycle.CLOSED));
        List<String> where = new ArrayList<>(List.of(
                "e.done = false",
                "exists (select c.id from Engagement c where c.id = e.engagementId and c.status <> :closed)",
                policy.filter(policies.caller(), ActionItemPolicy.Action.LIST_OWN)
                        .jpql("e", params)));
        return tenant.pageSoonestFirst(ActionItem.class, where, params, page, "e.dueDate");
    }

    /** The goal of that engagement; 404 for one of another engagement. */
    Goal goal(UUID engagementId, UUID goalId) {
        Goal g = tenant.get(Goal.class, goalId, "Goal");
        if (!g.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Goal " + goalId);
        }
        return g;
    }
}
