package org.praxis.referral.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.problem.ProblemException;

/**
 * The referral's statuses and the moves between them. A referral leaves {@code draft} only through
 * {@code awaiting-consent} (the client is asked) or, under the serious-risk exception, straight to
 * {@code sent}; what must hold for {@code sent} is checked by {@link Referral#sendRefusal}.
 */
public final class ReferralLifecycle {
    public static final String DRAFT = "draft";
    public static final String AWAITING_CONSENT = "awaiting-consent";
    public static final String SENT = "sent";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String COMPLETED = "completed";
    public static final String WITHDRAWN = "withdrawn";
    public static final String CANCELLED = "cancelled";

    public static final List<String> STATUSES =
            List.of(DRAFT, AWAITING_CONSENT, SENT, ACCEPTED, DECLINED, COMPLETED, WITHDRAWN, CANCELLED);

    private static final Map<String, Set<String>> NEXT = Map.of(
            DRAFT, Set.of(AWAITING_CONSENT, SENT, CANCELLED),
            // Changing the terms sends it back to draft: the client's consent was to the old terms.
            AWAITING_CONSENT, Set.of(DRAFT, SENT, WITHDRAWN, CANCELLED),
            SENT, Set.of(ACCEPTED, DECLINED, CANCELLED),
            ACCEPTED, Set.of(COMPLETED, CANCELLED),
            DECLINED, Set.of(),
            COMPLETED, Set.of(),
            WITHDRAWN, Set.of(),
            CANCELLED, Set.of());

    private ReferralLifecycle() {}

    public static boolean isStatus(String status) {
        return NEXT.containsKey(status);
    }

    public static boolean canMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** 409 unless a referral may move from {@code from} to {@code to}. */
    public static void requireMove(String from, String to) {
        if (!canMove(from, to)) {
            throw ProblemException.conflict("A referral cannot go from " + from + " to " + to + ".");
        }
    }

    /** Still open: the referrer may yet act on it. */
    public static boolean isOpen(String status) {
        return !NEXT.getOrDefault(status, Set.of()).isEmpty();
    }
}
