package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.ReviewPolicy;

/** Recording reviews, finding the ones due, and ending an engagement with its end review ({@link FollowUps}). */
@ApplicationScoped
public class Reviews {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    Contracts contracts;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    ReviewCalendar calendar;

    @Inject
    FollowUps followUps;

    @Inject
    ClientJudgements judgements;

    public record NewReview(
            String kind,
            LocalDate heldOn,
            String whatChanged,
            String sharedSummary,
            List<UUID> goalsMet,
            boolean followUpOffered,
            int boosterSessionsOffered,
            FollowUps.Plan followUp) {}

    @Transactional
    public Review record(UUID engagementId, NewReview r) {
        Engagement e = engagements.readable(engagementId);
        Review candidate = new Review();
        candidate.engagementId = e.id;
        if (!policies.reviews().can(policies.caller(), ReviewPolicy.Action.RECORD, candidate)) {
            throw ProblemException.forbidden(
                    "Only the engagement's practitioner or their supervisor records its reviews.");
        }
        if (!EngagementLifecycle.ACTIVE.equals(e.status) && !EngagementLifecycle.PAUSED.equals(e.status)) {
            throw ProblemException.conflict(
                    "Reviews are held in an active or paused engagement; this one is " + e.status + ".");
        }
        List<Goal> goals = tenant.select(Goal.class, "e.engagementId = :e", null, Map.of("e", e.id))
                .getResultList();
        Set<UUID> ids = goals.stream().map(g -> g.id).collect(Collectors.toSet());
        List<UUID> met = r.goalsMet() == null ? List.of() : r.goalsMet();
        if (!ids.containsAll(met)) {
            throw ProblemException.unprocessable(
                    "goalsMet names goals of another engagement",
                    List.of(new Violation("goalsMet", "must be goals of this engagement")));
        }
        if (Set.copyOf(met).size() != met.size()) {
            // Each goal is met once: a repeat would count it twice in the outcome published at the close.
            throw ProblemException.unprocessable(
                    "goalsMet names a goal twice", List.of(new Violation("goalsMet", "must name each goal once")));
        }
        if (!Review.END.equals(r.kind())) {
            EngagementLimits.requireRoom(em, e, Review.class, EngagementLimits.REVIEWS, "reviews");
        }
        LocalDate heldOn = r.heldOn() == null ? LocalDate.now(ZoneOffset.UTC) : r.heldOn();
        FollowUps.Plan plan = r.followUp();
        if (plan != null) {
            requireFollowUpFits(r);
            FollowUps.requireValid(plan, heldOn);
        }
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.tenantId = e.tenantId;
        review.engagementId = e.id;
        review.kind = r.kind();
        review.heldOn = heldOn;
        review.whatChanged(r.whatChanged());
        review.sharedSummary(r.sharedSummary());
        review.goalsMet = met.stream().map(UUID::toString).collect(Collectors.joining(","));
        review.followUpOffered = r.followUpOffered() || plan != null;
        review.boosterSessionsOffered = plan != null ? plan.boosters() : r.boosterSessionsOffered();
        review.createdBy = policies.subject();
        review.createdAt = Instant.now();
        em.persist(review);
        audit.record("review-" + r.kind(), "engagement", e.id, null);
        if (Review.PERIODIC.equals(r.kind())) {
            calendar.reschedule(
                    e,
                    contracts
                            .inForce(e.id)
                            .map(v -> v.contract().reviewEveryWeeks)
                            .orElse(null));
        }
        if (Review.END.equals(r.kind())) {
            goals.stream().filter(g -> met.contains(g.id)).forEach(g -> g.status = Goal.MET);
            followUps.afterEndReview(e, review, plan);
        }
        return review;
    }

    /** A follow-up is agreed at the end review, and its boosters are the ones the review offers. */
    private static void requireFollowUpFits(NewReview r) {
        if (!Review.END.equals(r.kind())) {
            throw ProblemException.unprocessable(
                    "Only the end review agrees a follow-up",
                    List.of(new Violation("followUp", "is for an end review")));
        }
        if (r.boosterSessionsOffered() != 0
                && r.boosterSessionsOffered() != r.followUp().boosters()) {
            throw ProblemException.unprocessable(
                    "boosterSessionsOffered differs from the follow-up's booster sessions",
                    List.of(new Violation("boosterSessionsOffered", "must be 0 or the follow-up's boosterSessions")));
        }
    }

    /**
     * A review as the caller may see it: the practitioner's own text only for those who may read it, the
     * client's judgement of their goals (null until given) beside it.
     */
    public record Seen(Review review, boolean practitionerText, ClientJudgements.Judged clientJudgement) {}

    /** A page of the engagement's reviews, newest first. */
    public Page<Seen> ofEngagement(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        ReviewPolicy policy = policies.reviews();
        Caller caller = policies.caller();
        policy.requireAllowed(caller, ReviewPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where = new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(caller, params)));
        Page<Review> reviews = tenant.pageNewestFirst(Review.class, where, params, page, "e.createdAt");
        Map<UUID, ClientJudgements.Judged> judged =
                judgements.of(reviews.items().stream().map(r -> r.id).toList());
        return reviews.map(
                r -> new Seen(r, policy.can(caller, ReviewPolicy.Action.READ_PRACTITIONER_TEXT, r), judged.get(r.id)));
    }

    /**
     * A page of the active engagements the caller practises (or supervises) whose periodic review is due
     * on {@code today} or overdue, most overdue first: one query, whatever the number of engagements.
     */
    public Page<Engagement> due(LocalDate today, PageRequest page) {
        Caller caller = policies.caller();
        ReviewPolicy policy = policies.reviews();
        policy.requireAllowed(caller, ReviewPolicy.Action.LIST_DUE);
        Map<String, Object> params = new HashMap<>(Map.of("active", EngagementLifecycle.ACTIVE, "today", today));
        List<String> where = new ArrayList<>(List.of(
                "e.status = :active",
                "e.reviewDueOn <= :today",
                policy.dueFilter(caller).jpql("e", params)));
        return tenant.pageSoonestFirst(Engagement.class, where, params, page, "e.reviewDueOn");
    }
}
