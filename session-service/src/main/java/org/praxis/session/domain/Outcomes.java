package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.OutcomePolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * What changed in an engagement, on data (issue 21): per instrument the baseline and latest score with
 * intake-service's classification, the client's goal ratings over time and the session scaling trend. The
 * end review rests on it.
 */
@ApplicationScoped
public class Outcomes {
    /** Goals the outcome shows at most, newest first (a longer list pages on the goals resource). */
    public static final int GOALS = PageRequest.MAX_LIMIT;

    @Inject
    TenantQueries tenant;

    @Inject
    EntityManager em;

    @Inject
    Engagements engagements;

    @Inject
    Goals goals;

    @Inject
    ScoreTrajectories trajectories;

    @Inject
    Policies policies;

    @Inject
    AuditLog audit;

    /**
     * The engagement's outcome; {@code codes} says whether the caller reads clinical codes (bands,
     * classifications), which the client never does.
     */
    public record Outcome(
            Engagement engagement,
            List<ScoreTrajectory> trajectories,
            boolean codes,
            List<Goals.GoalWithProgress> goals,
            List<CoachingSession> scaledSessions) {}

    /** The outcome the end review closing {@code e} publishes: classifications and counts only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SessionEvents.EngagementOutcome atClose(Engagement e, int goals, int goalsMet) {
        long held = em.createQuery(
                        "select count(s) from CoachingSession s where s.tenantId = :t and s.engagementId = :e"
                                + " and s.status = :held",
                        Long.class)
                .setParameter("t", e.tenantId)
                .setParameter("e", e.id)
                .setParameter("held", CoachingSession.HELD)
                .getSingleResult();
        return new SessionEvents.EngagementOutcome(
                e.id,
                e.practitionerId,
                trajectories.ofEngagement(e.id).stream()
                        .map(t -> new SessionEvents.InstrumentOutcome(t.instrument, t.classification))
                        .toList(),
                goals,
                goalsMet,
                (int) held);
    }

    /** 404 to anyone who may not see the engagement; audited, since it shows scores. */
    @Transactional
    public Outcome of(UUID engagementId) {
        Engagement e = engagements.readable(engagementId);
        OutcomePolicy policy = policies.outcomes();
        Caller caller = policies.caller();
        ScoreTrajectory ofEngagement = new ScoreTrajectory();
        ofEngagement.engagementId = e.id;
        policy.requireView(caller, ofEngagement, e.id);
        audit.record("read-outcome", "engagement", e.id, null);
        List<CoachingSession> scaled = tenant.select(
                        CoachingSession.class,
                        "e.engagementId = :e and e.status = :held and e.scaling is not null",
                        "e.scheduledAt asc, e.id asc",
                        Map.of("e", e.id, "held", CoachingSession.HELD))
                .setMaxResults(CoachingSession.MAX_PER_ENGAGEMENT)
                .getResultList();
        return new Outcome(
                e,
                trajectories.ofEngagement(e.id),
                policy.can(caller, OutcomePolicy.Action.READ_CODES, ofEngagement),
                goals.ofEngagement(e.id, new PageRequest(GOALS, null)).items(),
                scaled);
    }
}
