package org.praxis.session.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.praxis.platform.problem.ProblemException;

/**
 * How much one engagement holds. A client or coach adds goals, ratings, actions, contract versions, notes, progress
 * summaries, reviews, handover offers and client requests at will (never risk concerns: raising one is not refused), and each is listed, exported and erased with the engagement, so
 * each has a ceiling (409 past it: continue in a new engagement). Counted under the engagement's lock, so two adds at once still count each other.
 */
public final class EngagementLimits {
    public static final int GOALS = 50;
    public static final int ACTIONS = 500;
    public static final int CONTRACT_VERSIONS = 50;
    /** A rating a day for almost three years. */
    public static final int RATINGS_PER_GOAL = 1000;
    /** Four notes or shared summaries to each of the most sessions an engagement holds. */
    public static final int NOTES = 4 * CoachingSession.MAX_PER_ENGAGEMENT;

    public static final int PROGRESS_SUMMARIES = 200;
    /** Periodic reviews, one a month for over sixteen years; the end review is always taken. */
    public static final int REVIEWS = 200;
    /** Offers to hand the engagement over, declined or withdrawn ones included. */
    public static final int HANDOVERS = 50;
    /** The client's requests to pause, end or change coach, decided ones included. */
    public static final int CLIENT_REQUESTS = 100;

    private EngagementLimits() {}

    /** Refuses one more {@code held} row (an entity with {@code engagementId}) once the engagement has {@code max}. */
    static void requireRoom(EntityManager em, Engagement e, Class<?> held, int max, String what) {
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        long n = em.createQuery(
                        "select count(x) from " + held.getSimpleName()
                                + " x where x.tenantId = :t and x.engagementId = :e",
                        Long.class)
                .setParameter("t", e.tenantId)
                .setParameter("e", e.id)
                .getSingleResult();
        refuseAt(n, max, "An engagement holds at most " + max + " " + what + "; continue in a new engagement.");
    }

    /** Refuses one more rating of the goal once it has {@link #RATINGS_PER_GOAL}. */
    static void requireRoomForRating(EntityManager em, Engagement e, Goal g) {
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        long n = em.createQuery(
                        "select count(p) from GoalProgress p where p.tenantId = :t and p.goalId = :g", Long.class)
                .setParameter("t", g.tenantId)
                .setParameter("g", g.id)
                .getSingleResult();
        refuseAt(n, RATINGS_PER_GOAL, "A goal holds at most " + RATINGS_PER_GOAL + " ratings.");
    }

    private static void refuseAt(long held, int max, String detail) {
        if (held >= max) {
            throw ProblemException.conflict(detail);
        }
    }
}
