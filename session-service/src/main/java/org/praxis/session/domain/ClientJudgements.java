package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.session.domain.access.ReviewPolicy;

/** The client's own judgement of their goals at the end review, given once, shown beside the review. */
@ApplicationScoped
public class ClientJudgements {
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

    public record GoalJudgement(UUID goalId, String judgement) {}

    /** A judgement with the goals it judges. */
    public record Judged(ClientJudgement judgement, List<ClientGoalJudgement> goals) {}

    @Transactional
    public Judged judge(UUID engagementId, UUID reviewId, String whatChanged, List<GoalJudgement> goals) {
        Engagement e = engagements.readable(engagementId);
        Review review = tenant.get(Review.class, reviewId, "Review");
        if (!review.engagementId.equals(e.id)) {
            throw ProblemException.notFound("Review " + reviewId);
        }
        policies.reviews().require(policies.caller(), ReviewPolicy.Action.JUDGE_GOALS, review, reviewId);
        Violation.refuseAny("The goals judged are not this engagement's", violations(e.id, goals));
        if (!Review.END.equals(review.kind)) {
            throw ProblemException.conflict("The client judges their goals at the end review, not a periodic one.");
        }
        // Two answers at once (a double tap): the second waits here and finds the first, a 409 rather than a 500.
        em.lock(review, LockModeType.PESSIMISTIC_WRITE);
        if (!of(List.of(review.id)).isEmpty()) {
            throw ProblemException.conflict("The client's judgement of this review is given already.");
        }
        ClientJudgement j = new ClientJudgement();
        j.id = UUID.randomUUID();
        j.tenantId = e.tenantId;
        j.engagementId = e.id;
        j.reviewId = review.id;
        j.whatChanged(whatChanged);
        j.judgedBy = policies.subject();
        j.createdAt = Instant.now();
        em.persist(j);
        List<ClientGoalJudgement> rows = new ArrayList<>();
        for (GoalJudgement g : goals) {
            ClientGoalJudgement row = new ClientGoalJudgement();
            row.id = UUID.randomUUID();
            row.tenantId = e.tenantId;
            row.judgementId = j.id;
            row.goalId = g.goalId();
            row.judgement = g.judgement();
            em.persist(row);
            rows.add(row);
        }
        audit.record("judge-goals", "review", review.id, null);
        return new Judged(j, rows);
    }

    /** Each goal named once, each a goal of the engagement. */
    private List<Violation> violations(UUID engagementId, List<GoalJudgement> goals) {
        Set<UUID> own = tenant.select(Goal.class, "e.engagementId = :e", null, Map.of("e", engagementId))
                .getResultStream()
                .map(g -> g.id)
                .collect(Collectors.toSet());
        List<Violation> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            UUID goal = goals.get(i).goalId();
            if (!own.contains(goal)) {
                found.add(new Violation("goals[" + i + "].goalId", "must be a goal of this engagement"));
            } else if (!seen.add(goal)) {
                found.add(new Violation("goals[" + i + "].goalId", "names a goal judged already"));
            }
        }
        return found;
    }

    /** The judgements of these reviews, by review id: two queries, whatever the number of reviews. */
    public Map<UUID, Judged> of(List<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Map.of();
        }
        List<ClientJudgement> judgements = tenant.select(
                        ClientJudgement.class, "e.reviewId in :r", null, Map.of("r", reviewIds))
                .getResultList();
        if (judgements.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ClientGoalJudgement>> goals = tenant.select(
                        ClientGoalJudgement.class,
                        "e.judgementId in :j",
                        "e.id",
                        Map.of("j", judgements.stream().map(j -> j.id).toList()))
                .getResultStream()
                .collect(Collectors.groupingBy(g -> g.judgementId));
        return judgements.stream()
                .collect(Collectors.toMap(j -> j.reviewId, j -> new Judged(j, goals.getOrDefault(j.id, List.of()))));
    }
}
