package org.praxis.referral.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.domain.Transitions;

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

    private static final Transitions TABLE = Transitions.of(
            "A referral",
            STATUSES,
            Map.of(
                    DRAFT, Set.of(AWAITING_CONSENT, SENT, CANCELLED),
                    // Changing the terms sends it back to draft: the client's consent was to the old terms.
                    AWAITING_CONSENT, Set.of(DRAFT, SENT, WITHDRAWN, CANCELLED),
                    SENT, Set.of(ACCEPTED, DECLINED, CANCELLED),
                    ACCEPTED, Set.of(COMPLETED, CANCELLED),
                    DECLINED, Set.of(),
                    COMPLETED, Set.of(),
                    WITHDRAWN, Set.of(),
                    CANCELLED, Set.of()));

    private ReferralLifecycle() {}

    public static boolean isStatus(String status) {
        return TABLE.isStatus(status);
    }

    public static boolean canMove(String from, String to) {
        return TABLE.canMove(from, to);
    }

    /** 409 unless a referral may move from {@code from} to {@code to}. */
    public static void requireMove(String from, String to) {
        TABLE.requireMove(from, to);
    }

    /** Still open: the referrer may yet act on it. */
    public static boolean isOpen(String status) {
        return TABLE.isOpen(status);
    }

    /** The open statuses ({@link #isOpen}), for a query. */
    public static List<String> open() {
        return STATUSES.stream().filter(ReferralLifecycle::isOpen).toList();
    }
}
