package org.praxis.session.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.domain.Transitions;
import org.praxis.platform.problem.ProblemException;

/**
 * The engagement's statuses and the moves a person may make between them. A draft becomes active
 * only when its contract is accepted ({@link Contracts}), and a referral's progress pauses or resumes
 * an engagement ({@link ReferralEffect}): those moves are the system's, not in this table. So is the move to
 * {@code follow-up}: an end review that agrees follow-up dates or booster sessions makes it ({@link FollowUps}).
 * In follow-up only booster sessions are scheduled (an ordinary one that started before the end review is still
 * recorded, {@link SessionsAhead}): no other sessions, no periodic or end reviews, no
 * new goals or progress summaries, and a referral does not pause it. It closes after its last booster when no
 * follow-up date is still ahead, or when a person closes it.
 */
public final class EngagementLifecycle {
    public static final String DRAFT = "draft";
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String FOLLOW_UP = "follow-up";
    public static final String CLOSED = "closed";

    public static final List<String> STATUSES = List.of(DRAFT, ACTIVE, PAUSED, FOLLOW_UP, CLOSED);

    private static final Transitions TABLE = Transitions.of(
            "An engagement",
            STATUSES,
            Map.of(
                    DRAFT, Set.of(CLOSED),
                    ACTIVE, Set.of(PAUSED, CLOSED),
                    PAUSED, Set.of(ACTIVE, CLOSED),
                    FOLLOW_UP, Set.of(CLOSED),
                    CLOSED, Set.of()));

    private EngagementLifecycle() {}

    public static boolean isStatus(String status) {
        return TABLE.isStatus(status);
    }

    public static boolean canMove(String from, String to) {
        return TABLE.canMove(from, to);
    }

    /** 409 unless a person may move an engagement from {@code from} to {@code to}. */
    public static void requireMove(String from, String to) {
        TABLE.requireMove(from, to, hint(to));
    }

    private static String hint(String to) {
        return switch (to) {
            case ACTIVE -> "a draft becomes active when its contract is accepted";
            case FOLLOW_UP -> "an end review that agrees a follow-up moves an engagement there";
            default -> null;
        };
    }

    /** Not closed: sessions, reviews and contracts may still follow. */
    public static boolean isOpen(String status) {
        return TABLE.isOpen(status);
    }

    /** 409 on a closed engagement: its record stays as it was closed (no new goals, actions or ratings). */
    public static void requireOpen(String status, String what) {
        if (!isOpen(status)) {
            throw ProblemException.conflict("The engagement is closed; " + what + " no more.");
        }
    }
}
