package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * Scheduling sessions and recording what happened; a held session uses one of the prepaid package, except a
 * booster in follow-up ({@link FollowUps}).
 */
@ApplicationScoped
public class Sessions {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    MonitoringMeasures monitoring;

    @Inject
    FollowUps followUps;

    @Inject
    Charges charges;

    @Inject
    GoalReviews goalReviews;

    @Inject
    Handovers handovers;

    @Inject
    HandoverContracts handoverContracts;

    public record Outcome(
            String status,
            Integer scaling,
            Boolean previousGoalsReviewed,
            List<CoachingSession.GoalReviewed> goalsReviewed,
            String nextPriorities) {}

    @Transactional
    public CoachingSession schedule(
            UUID engagementId, Instant at, int durationMinutes, String mode, String model, boolean booster) {
        Engagement e = engagements.readable(engagementId);
        CoachingSession candidate = new CoachingSession();
        candidate.engagementId = e.id;
        if (!policies.sessions().can(policies.caller(), SessionPolicy.Action.SCHEDULE, candidate)) {
            throw ProblemException.forbidden(
                    "Only the engagement's practitioner or their supervisor schedules its sessions.");
        }
        if (!booster && !EngagementLifecycle.ACTIVE.equals(e.status)) {
            throw ProblemException.conflict(
                    "Sessions are scheduled in an active engagement; this one is " + e.status + ".");
        }
        handoverContracts.requireContractSettled(e);
        // Locked so two sessions scheduled at once still count each other.
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        if (booster) {
            FollowUps.requireBookable(e, at, boostersBooked(e));
        }
        EngagementLimits.requireRoom(em, e, CoachingSession.class, CoachingSession.MAX_PER_ENGAGEMENT, "sessions");
        CoachingSession s = new CoachingSession();
        s.id = UUID.randomUUID();
        s.tenantId = e.tenantId;
        s.engagementId = e.id;
        s.scheduledAt = at;
        s.durationMinutes = durationMinutes;
        s.mode = mode;
        s.model = model;
        s.booster = booster;
        s.status = CoachingSession.SCHEDULED;
        s.createdAt = Instant.now();
        em.persist(s);
        audit.record("schedule", "session", s.id, null);
        return s;
    }

    /** A page of the engagement's sessions the caller may see (its client, practitioner, their supervisor), latest first. */
    public Page<CoachingSession> ofEngagement(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        SessionPolicy policy = policies.sessions();
        policy.requireAllowed(policies.caller(), SessionPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        return tenant.pageNewestFirst(CoachingSession.class, where, params, page, "e.scheduledAt");
    }

    private long boostersBooked(Engagement e) {
        return em.createQuery(
                        "select count(s) from CoachingSession s where s.tenantId = :t and s.engagementId = :e"
                                + " and s.booster and s.status in :booked",
                        Long.class)
                .setParameter("t", e.tenantId)
                .setParameter("e", e.id)
                .setParameter("booked", List.of(CoachingSession.SCHEDULED, CoachingSession.HELD))
                .getSingleResult();
    }

    /** The session, 404 unless it is of this engagement and the caller sees it, 403 unless they may do {@code action}. */
    private CoachingSession session(UUID engagementId, UUID sessionId, SessionPolicy.Action action) {
        engagements.readable(engagementId);
        CoachingSession s = tenant.get(CoachingSession.class, sessionId, "Session");
        if (!s.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        return policies.sessions().require(policies.caller(), action, s, sessionId);
    }

    @Transactional
    public CoachingSession reschedule(UUID engagementId, UUID sessionId, Instant at) {
        CoachingSession s = session(engagementId, sessionId, SessionPolicy.Action.RESCHEDULE);
        if (s.isFinal()) {
            throw ProblemException.conflict("A " + s.status + " session cannot be rescheduled.");
        }
        Engagement e = engagements.readable(engagementId);
        SessionsAhead.requireTaken(e, s);
        if (s.booster) {
            FollowUps.requireWithinWindow(e, at);
        }
        s.scheduledAt = at;
        audit.record("reschedule", "session", s.id, null);
        return s;
    }

    /**
     * The client or the practitioner cancels; within the contract's notice (else 24 hours) of the start it counts
     * as late, and a late cancellation by the client costs the contract's fee. Once the session has started the
     * client no longer cancels it: held or missed, its outcome is the practitioner's to record.
     */
    @Transactional
    public CoachingSession cancel(UUID engagementId, UUID sessionId) {
        CoachingSession s = session(engagementId, sessionId, SessionPolicy.Action.CANCEL);
        if (s.isFinal()) {
            throw ProblemException.conflict("A " + s.status + " session cannot be cancelled.");
        }
        String by = policies.sessions().cancelledAs(policies.caller(), s);
        if (CoachingSession.BY_CLIENT.equals(by) && !Instant.now().isBefore(s.scheduledAt)) {
            throw ProblemException.conflict("The session has started: its outcome is recorded, not a cancellation.");
        }
        s.status = CoachingSession.CANCELLED;
        s.cancelledBy = by;
        s.cancelledLate = charges.isLate(s, Instant.now());
        audit.record("cancel", "session", s.id, null);
        charges.settled(s);
        return s;
    }

    @Transactional
    public CoachingSession record(UUID engagementId, UUID sessionId, Outcome outcome) {
        CoachingSession s = session(engagementId, sessionId, SessionPolicy.Action.RECORD_OUTCOME);
        Engagement e = engagements.readable(engagementId);
        if (s.isFinal()) {
            throw ProblemException.conflict("The session is " + s.status + " already.");
        }
        if (!CoachingSession.HELD.equals(outcome.status()) && !CoachingSession.NO_SHOW.equals(outcome.status())) {
            throw ProblemException.unprocessable(
                    "An outcome is held or no-show", List.of(new Violation("status", "must be held or no-show")));
        }
        List<CoachingSession.GoalReviewed> reviewed =
                outcome.goalsReviewed() == null ? List.of() : outcome.goalsReviewed();
        if (CoachingSession.NO_SHOW.equals(outcome.status())
                && (!reviewed.isEmpty() || outcome.nextPriorities() != null)) {
            throw ProblemException.unprocessable(
                    "Only a held session reviews goals and agrees priorities",
                    List.of(new Violation("status", "must be held to record goals reviewed or priorities")));
        }
        Map<UUID, Goal> goals = goalReviews.requireOfEngagement(e.id, reviewed);
        s.requireStarted(Instant.now());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (CoachingSession.HELD.equals(outcome.status())) {
            handoverContracts.requireContractSettled(e);
            if (s.booster) {
                FollowUps.requireHoldable(e, today);
            } else {
                usePackage(e);
            }
            s.scaling = outcome.scaling();
            s.previousGoalsReviewed = outcome.previousGoalsReviewed();
            s.goalsReviewed = reviewed.isEmpty() ? null : reviewed;
            s.nextPriorities(outcome.nextPriorities());
            goalReviews.held(goals, reviewed);
            s.completedAt = Instant.now();
            // Practice hours are the holder's: a session held before a handover and recorded after it is the
            // previous coach's.
            outbox.publish(new SessionEvents.SessionCompleted(
                    s.id, e.id, handovers.practitionerAt(e, s.scheduledAt), s.durationMinutes, s.completedAt));
        }
        s.status = outcome.status();
        audit.record("record-" + outcome.status(), "session", s.id, null);
        charges.settled(s);
        if (CoachingSession.HELD.equals(s.status) && s.booster) {
            followUps.boosterHeld(e, today);
        } else if (CoachingSession.HELD.equals(s.status)) {
            monitoring.sessionHeld(e);
        }
        return s;
    }

    /**
     * A held session (not a booster) uses one of the prepaid package. In follow-up that is one that started before
     * the end review (which cancelled those ahead, {@link SessionsAhead}), recorded since.
     */
    private static void usePackage(Engagement e) {
        if (e.sessionsRemaining != null && e.sessionsRemaining == 0) {
            throw ProblemException.conflict("The prepaid package is used up; a new contract version can extend it.");
        }
        if (e.sessionsRemaining != null) {
            e.sessionsRemaining--;
        }
    }
}
