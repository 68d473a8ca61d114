package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;

/**
 * Sessions still ahead when an engagement stops taking them. The end review leaves only boosters to follow, a pause
 * none until the engagement resumes (a therapy's pause keeps coaching out of the therapy) and the close none, so the
 * sessions not yet started are cancelled then, free of charge: none is held, missed or charged afterwards, and none is
 * moved into the pause. Those already started stay scheduled, for their outcome to be recorded.
 */
@ApplicationScoped
public class SessionsAhead {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    void engagementMoved(@Observes EngagementMoved moved) {
        Engagement e = moved.engagement();
        boolean closed = EngagementLifecycle.CLOSED.equals(e.status);
        boolean paused = EngagementLifecycle.PAUSED.equals(e.status);
        if (!closed && !paused && !EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            return;
        }
        // The lock scheduling takes: a session being scheduled now commits first and is found here.
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        tenant.select(
                        CoachingSession.class,
                        "e.engagementId = :e and e.status = :s and e.scheduledAt > :now"
                                + (closed || paused ? "" : " and e.booster = false"),
                        null,
                        Map.of("e", e.id, "s", CoachingSession.SCHEDULED, "now", Instant.now()))
                .getResultList()
                .forEach(s -> {
                    s.status = CoachingSession.CANCELLED;
                    s.cancelledBy = paused ? CoachingSession.BY_ENGAGEMENT_PAUSE : CoachingSession.BY_ENGAGEMENT_END;
                    s.cancelledLate = false;
                    audit.record("cancel-at-" + e.status, "session", s.id, null);
                });
    }

    /**
     * 409 unless {@code e} still takes {@code s}: a booster in follow-up, another session before the end review, none
     * while paused.
     */
    static void requireTaken(Engagement e, CoachingSession s) {
        if (!EngagementLifecycle.isOpen(e.status)) {
            throw ProblemException.conflict("The engagement is closed; its sessions are not moved.");
        }
        if (EngagementLifecycle.PAUSED.equals(e.status)) {
            throw ProblemException.conflict(
                    "The engagement is paused; its sessions are scheduled again once it resumes.");
        }
        if (!s.booster && EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            throw ProblemException.conflict("The engagement is in follow-up; only booster sessions are moved.");
        }
    }
}
